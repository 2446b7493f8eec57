// The labels of a disclosure (政府信息公开) block, shared by the HTML reader (tables and lines
// of a page) and the clean stage (the same block pasted as text): the meta field each fills.

export type DisclosureField = 'issuer' | 'docNumber' | 'date' | 'pubDate' | 'title' | 'other';

export const DISCLOSURE_LABELS: readonly { labels: readonly string[]; field: DisclosureField }[] = [
  { labels: ['发文机关', '发文单位', '制发机关', '发文机构'], field: 'issuer' },
    { labels: ['发文字号', '文号', '文件编号'], field: 'docNumber' },
  { labels: ['成文日期', '发文日期', '印发日期'], field: 'date' },
  { labels: ['发布日期', '公开日期', '发布时间'], field: 'pubDate' },
  { labels: ['标题', '名称', '文件名称'], field: 'title' },
  {
    labels: [
      '索引号', '主题分类', '分类', '主题词', '体裁分类', '有效性', '生效日期', '实施日期', '废止日期', '公开方式', '公开范围',
      '信息来源', '发布机构', '发布机关', '组配分类', '服务对象', '联合发文单位', '公开主体', '所属机构', '统一编号', '信息类别',
      '信息分类', '时效', '关键词',
    ],
    field: 'other',
  },
];

/**
 * What a plan calls itself at the end of its title: 工作要点, 实施方案, 任务分工/分解(表), 重点（工作）任务,
 * 任务清单, 工作清单, 工作台账 … (a title is also a line with no sentence mark in it, so the words may be short).
 */
export const PLAN_WORDS = /(要点|方案|行动计划|工作计划|工作安排|实施意见|实施细则|(任务|责任|工作)(分工|分解)|分解表|(重点|主要|工作)(工作)?任务|(任务|工作|责任)清单|任务(台账|书)|工作台账|工作重点)/;
/** A plan's title on its line: it names itself so, with no sentence in it, and is no notice's title. */
export const isPlanTitleLine = (text: string) => text.length <= PLAN_TITLE_MAX && PLAN_WORDS.test(text) && !/[。，：；]/.test(text) && !text.includes('关于');
const PLAN_TITLE_MAX = 80;

/** What a notice's title says it is, at its end: …的通知, …的意见. */
const NOTICE_KINDS = '通知|通告|公告|意见|决定|批复|函|报告';
/** The title of a notice written as one: 关于印发…的通知, 关于…的意见. */
export const COVER_NOTICE_TITLE = new RegExp(`关于.{2,80}的(?:${NOTICE_KINDS})$`);
/** A title that is the cover notice's own rather than the plan's: written as one, or any …通知. */
export const NOTICE_TITLE = new RegExp(`${COVER_NOTICE_TITLE.source}|^.+(?:通知|通告)$`);

/** Every label, longest first (so 发文字号 is tried before 文号 and 号). */
export const ALL_DISCLOSURE_LABELS = DISCLOSURE_LABELS.flatMap(({ labels }) => labels).sort((a, b) => b.length - a.length);

export function disclosureField(label: string): DisclosureField | null {
  return DISCLOSURE_LABELS.find(({ labels }) => labels.includes(label))?.field ?? null;
}

/** A document number: 琼府办〔2018〕34号, with the brackets pages and pasted text use. */
export const DOC_NUMBER = /[\u4e00-\u9fff]{1,12}\s*[〔[［【(（﹝]\s*\d{4}\s*[〕\]］】)）﹞]\s*第?\s*\d+\s*号/;

/**
 * A document number set after a notice's title on its line (…的通知 松政办函〔2021〕12号, the space
 * folded in cleaning): after the title's last 的通知, so its abbreviation takes none of the title.
 */
export const NUMBER_AFTER_TITLE = new RegExp(`^.*的(?:${NOTICE_KINDS})\\s*(${DOC_NUMBER.source})$`);

/** A disclosure value that says there is none: 文号：无. */
const NO_VALUE = /^(无|暂无|空|-+|—+|\/)$/;

/**
 * What a disclosure field's value tells, or null when it tells nothing: none (无, —) or, for
 * 文号, no document number. A document number loses its spaces.
 */
export function disclosedValue(field: DisclosureField, value: string): string | null {
  const text = value.trim();
  if (!text || NO_VALUE.test(text)) return null;
  if (field === 'docNumber') return DOC_NUMBER.exec(text)?.[0].replace(/\s+/g, '') ?? null;
  return text;
}

/** Words a sentence opens with and no addressee does: a line opening so is no 主送 line (按照县委、县政府部署：…). */
export const SENTENCE_OPENINGS = ['现将', '现就', '为', '根据', '按照', '依据', '遵照'];
/**
 * How a cover letter's first sentence opens after the 主送 line: 现将《…》印发给你们, 为…, and
 * 《…》已经…同意, 经…同意 (an addressee may open with these two: 经开区管委会).
 */
export const LETTER_OPENINGS = [...SENTENCE_OPENINGS, '《', '经'];

/**
 * A notice that issues a plan, in the two places it says so: a line of the notice (关于印发…的通知,
 * 现将《…》印发给你们 — not a sentence such as 已于2017年印发通知), and its title, which may also pass a
 * plan on (关于转发…的通知).
 */
export const ISSUES_PLAN_LINE = /关于印发|印发给你们|现予印发|现印发/;
export const ISSUES_PLAN_TITLE = /印发|转发/;
