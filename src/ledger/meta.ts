import type { DroppedLine, Meta, Outline, SourceLine } from '../model.js';
import { DOC_NUMBER } from '../vocabulary/disclosure.js';
import { chineseDigits, chineseNumber, YEAR_DIGITS } from '../vocabulary/numerals.js';
import { isDateLine, OFFICE_LINE, officeBeforeDate, sealOffice, signingOffice } from '../outline/tail.js';
import { isUnitName } from '../vocabulary/units.js';
import { COVER_NOTICE_TITLE, isPlanTitleLine, LETTER_OPENINGS, NUMBER_AFTER_TITLE, PLAN_WORDS, SENTENCE_OPENINGS } from '../vocabulary/disclosure.js';

// The notice's own details (contract §4), read from the lines around the numbered body.

const TITLE_MAX = 80;
/** The cover letter's name of the plan it issues: 现将《X》印发给你们 / 《X》已经…同意，现印发给你们. */
const ISSUED_PLAN = /《([^《》]{4,80})》[^《》。]{0,30}?印发给/;
const RECIPIENTS_LINE = /^([^。]{2,200})[：:]$/;
/** A 主送 line run into the letter after it (…，县直各单位：现将《…》印发给你们): the letter opens as one does. */
const RECIPIENTS_BEFORE_LETTER = new RegExp(`^([^。：:]{2,200})[：:](?=${LETTER_OPENINGS.join('|')})`);
const OPENS_SENTENCE = new RegExp(`^(?:${SENTENCE_OPENINGS.join('|')})`);
// A place, then perhaps a place within it (北京市西城区); 温州 is followed by 市, 贵州 by 省.
// A level does not open a place's name (市市场监管局 names none), nor is 市场 a level (六盘水市市场监督管理局).
const PLACE = /^(?:\d{4}年度?)?((?:(?![省市县区])[\u4e00-\u9fff]{1,8}?(?:省|自治区|特别行政区|市|自治州|州|盟|地区|自治县|县|旗|区|乡|镇)(?:(?:省|市|县|区)(?!场))?)(?:[\u4e00-\u9fff]{1,6}?(?:市|县|区|旗|乡|镇))?)/;
/** Titles that name the issuer's own area without naming it: 全市, 本区, 自治区, 全州, 全盟 … */
const REGION_EXCLUDED = /^(关于|国务院|中共|全国|全省|全市|全区|全县|全州|全盟|全旗|全乡|全镇|本市|本区|本县|自治区|自治州|乡镇|各)/;

const CHINESE_DATE = new RegExp(`([${YEAR_DIGITS}]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日`);

/** 2016年7月13日 / 二〇一六年七月十三日 / 2017/5/15 → ISO date. */
export function isoDate(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  const arabic = /(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})/.exec(compact);
  const chinese = CHINESE_DATE.exec(compact);
  const parts = arabic
    ? [Number(arabic[1]), Number(arabic[2]), Number(arabic[3])]
    : chinese
      ? [chineseDigits(chinese[1]!), chineseNumber(chinese[2]!), chineseNumber(chinese[3]!)]
      : null;
  if (!parts || parts.some((n) => !Number.isFinite(n))) return null;
  const [y, m, d] = parts as [number, number, number];
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const stripPeriod = (s: string) => s.replace(/[。；]$/, '');

/** What a mirror or a portal wraps a notice title in: （失效）, its document number, 《》. */
function bareTitle(line: string): { title: string; docNumber: string | null } {
  let title = line.replace(/^[（(](失效|有效|已失效|废止|已废止)[)）]\s*/, '');
  const leading = DOC_NUMBER.exec(title);
  const docNumber = leading && leading.index === 0 ? leading[0] : null;
  if (docNumber) title = title.slice(docNumber.length).trim();
  // A number in brackets after the title (…的通知（京政办发〔2016〕26号）), or bare, is the notice's too.
  const trailing = /[（(]([^（）()]*)[)）]$/.exec(title);
  const bracketed = trailing ? DOC_NUMBER.exec(trailing[1]!) : null;
  if (bracketed) title = title.slice(0, trailing!.index);
  const bare = bracketed || !title.endsWith('号') ? null : NUMBER_AFTER_TITLE.exec(title)?.[1];
  if (bare) title = title.slice(0, -bare.length).trim();
  title = title.replace(/^《(.+)》$/, '$1');
  return { title, docNumber: (docNumber ?? bracketed?.[0] ?? bare)?.replace(/\s+/g, '') ?? null };
}

/** A title set on several lines: up to this many. */
const TITLE_LINES_MAX = 3;

/** The notice title: one line, or two or three when a long title was set on several. */
function findNoticeTitle(lines: SourceLine[]): { title: string; docNumber: string | null; index: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const line = bareTitle(lines[i]!.text);
    if (line.title.length <= TITLE_MAX && COVER_NOTICE_TITLE.test(line.title)) return { ...line, index: i };
    if (!/关于/.test(line.title)) continue;
    let joined = line.title;
    for (let k = 1; k < TITLE_LINES_MAX && i + k < lines.length; k++) {
      joined += lines[i + k]!.text;
      if (/[。，：]/.test(joined) || joined.length > TITLE_MAX) break;
      if (COVER_NOTICE_TITLE.test(joined)) return { title: joined, docNumber: line.docNumber, index: i };
    }
  }
  return null;
}

/** A title line a spam injection prefixed (365bet…_…网址2022年政务公开…清单): from its year on. */
function withoutSpam(line: string): string {
  if (!/[a-z]{3}/i.test(line) || !line.includes('_')) return line;
  const year = /\d{4}年/.exec(line.slice(line.lastIndexOf('_')));
  return year ? line.slice(line.lastIndexOf('_') + year.index) : line;
}

/** A plan title a run-together first line glues to the first sentence: …实施方案为深入贯彻… */
const TITLE_BEFORE_SENTENCE = /^([^。，：；]{4,60}?(方案|要点|计划|安排|清单))(?=为|根据|按照|依据|结合)/;

/** A page title's site name after the title: …工作要点_青禾市人民政府网站, …工作要点-青禾市人民政府. */
const SITE_NAME = /[_｜|][^_｜|]{2,30}$|[-—–][^-—–]{2,30}(?:网站|门户网|网|人民政府|政府)$/;

/** A line that is a place and nothing else: 青禾市, 北京市西城区. */
const isPlaceAlone = (text: string) => PLACE.exec(text)?.[1] === text && !REGION_EXCLUDED.test(text);
const TITLE_PIECE_MAX = 40;
const namesYear = (text: string) => /\d{4}年/.test(text);

/**
 * The start of a title set on several lines, on the line above its end: the place alone (青禾市 /
 * 2024年政务公开工作要点), or the place or year with the first words (青禾市2024年政务公开 / 工作要点)
 * above an end that names neither. Not the office or the date of a cover notice above the plan.
 */
function titleStart(above: string, end: string): boolean {
  if (regionOf(end, null) !== null) return false;
  if (isPlaceAlone(above)) return true;
  return (
    !namesYear(end) &&
    above.length <= TITLE_PIECE_MAX &&
    !/[。，：；:]/.test(above) &&
    (namesYear(above) || regionOf(above, null) !== null) &&
    !OFFICE_LINE.test(above) &&
    !isDateLine(above) &&
    !isPlanTitleLine(above)
  );
}

/**
 * The plan title lines: as printed, without a page title's site name, and whole when the title was
 * set on several lines (titleStart).
 */
function planTitleLines(lines: SourceLine[]): string[] {
  const titles: string[] = [];
  lines.forEach((line, i) => {
    let title = withoutSpam(line.text).replace(SITE_NAME, '');
    if (!isPlanTitleLine(title)) return;
    for (let k = i; k > 0 && i - k < TITLE_LINES_MAX - 1; k--) {
      const above = lines[k - 1]!;
      if (lines[k]!.line - above.line > 2 || !titleStart(above.text, title)) break;
      title = above.text + title;
    }
    titles.push(title);
  });
  return titles;
}

function findPlanTitle(lines: SourceLine[], noticeTitle: string | null): string | null {
  const titleLines = planTitleLines(lines);
  let issued: string | null = null;
  for (const line of lines) {
    const m = ISSUED_PLAN.exec(line.text);
    if (m) {
      issued = m[1]!;
      break;
    }
  }
  // The plan's own title line, when it names the plan the cover letter issues (perhaps with its
  // place in full: 北京市东城区… for 《东城区…》); else the name in 《》; else a title line.
  if (issued) return titleLines.find((t) => t !== issued && t.endsWith(issued!)) ?? issued;
  const first = titleLines[0];
  // A title printed twice, once in full (乡镇…方案 then 2017年乡镇…方案, 2024年…要点 then 梅山县2024年…要点):
  // the one that names its year, and the fullest print of it.
  if (first) {
    const dated = (namesYear(first) ? undefined : titleLines.find((t) => namesYear(t) && t.slice(-4) === first.slice(-4))) ?? first;
    return titleLines.reduce((full, t) => (t.length > full.length && t.endsWith(full) ? t : full), dated);
  }
  const glued = lines.slice(0, 3).map((l) => TITLE_BEFORE_SENTENCE.exec(l.text)?.[1]).find(Boolean);
  if (glued) return glued;
  const issuedByTitle = noticeTitle ? /关于印发《?(.+?)》?的通知$/.exec(noticeTitle) : null;
  return issuedByTitle?.[1] ?? noticeTitle;
}

/**
 * The signing office and date: the office on the date line, or on the line above it, else on the
 * line below it. A seal another office set for the signer (（某某局代章） under 某某领导小组办公室) names
 * the signer above it; a seal alone (某某办公室（代章）) names the office that signed.
 */
function findSignature(lines: { text: string }[]): { issuer: string | null; date: string | null } {
  for (let i = 0; i < lines.length; i++) {
    const onLine = officeBeforeDate(lines[i]!.text, lines[i - 1]?.text);
    if (onLine === null) continue;
    const date = isoDate(lines[i]!.text);
    if (onLine) return { issuer: onLine, date };
    const above = lines[i - 1]?.text ?? '';
    const seal = sealOffice(above);
    const signer = seal === null ? above : (lines[i - 2]?.text ?? '');
    const below = lines[i + 1]?.text ?? '';
    return { issuer: OFFICE_LINE.test(signer) ? signer : (seal ?? signingOffice(below)), date };
  }
  return { issuer: null, date: null };
}

function findDocNumber(lines: SourceLine[]): string | null {
  for (const line of lines) {
    // A number ends in 号: a line without one is passed before the pattern is tried along it.
    if (!line.text.includes('号')) continue;
    const m = DOC_NUMBER.exec(line.text);
    // A number standing on its own line is the notice's; one inside a sentence is a citation.
    if (m && line.text.length - m[0].length <= 8) return m[0].replace(/\s+/g, '');
  }
  return null;
}

/** A 主送 line labelled so: 主送：各县（市、区）人民政府，市直各单位。 */
const LABELLED_RECIPIENTS = /^主\s*送\s*[：:]\s*(.+?)[。；]?$/;

/** The 主送 line: before its colon (or after its label), a list of addressees each ending in a unit's name. */
function findRecipients(lines: SourceLine[]): string[] {
  for (const line of lines) {
    // Every form ends its addressees with a colon: a line with none is passed at once.
    if (!line.text.includes('：') && !line.text.includes(':')) continue;
    const unlabelled = RECIPIENTS_LINE.exec(line.text)?.[1] ?? RECIPIENTS_BEFORE_LETTER.exec(line.text)?.[1];
    const addressees = unlabelled !== undefined && !PLAN_WORDS.test(unlabelled) && !OPENS_SENTENCE.test(unlabelled);
    const listed = LABELLED_RECIPIENTS.exec(line.text)?.[1] ?? (addressees ? unlabelled : undefined);
    if (listed === undefined) continue;
    const recipients = listed
      .split(/[，,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (recipients.every(isUnitName)) return recipients;
  }
  return [];
}

/** Words a title may open with before its place: 全面推进新乡市… */
const TITLE_LEAD = /^(全面推进|深入推进|进一步|加快推进|推进|贯彻落实|关于)/;

export function regionOf(title: string | null, issuer: string | null): string | null {
  for (const raw of [title, issuer]) {
    const text = raw?.replace(TITLE_LEAD, '');
    if (!text || REGION_EXCLUDED.test(text)) continue;
    const place = PLACE.exec(text)?.[1];
    // 全区/本市 name the issuer's own area without naming it: look at the issuer then.
    if (place && !REGION_EXCLUDED.test(place)) return place;
  }
  return null;
}

/** Meta of the notice from its preamble, the lines after its body and what the page supplied. */
export function metaOf(outline: Outline): Meta {
  const preamble = outline.preamble;
  const around: { text: string }[] = [...preamble, ...outline.file.dropped.filter(isSignature)].sort(byLine);
  const hints = outline.file.metaHints;
  const found = findNoticeTitle(preamble);
  const noticeTitle = found?.title ?? hints.noticeTitle ?? null;
  const signature = findSignature(around);
  const title = findPlanTitle(preamble, noticeTitle) ?? hints.title ?? null;
  const issuerFromTitle = noticeTitle && /^(.{2,30}?)关于/.exec(noticeTitle)?.[1];
  // An issuer set on its own line above a title that starts with 关于.
  const above = found && found.index > 0 ? preamble[found.index - 1]!.text : '';
  const issuerAbove = OFFICE_LINE.test(above) ? above : null;
  const issuer = signature.issuer ?? issuerFromTitle ?? issuerAbove ?? hints.issuer ?? null;
  const printed = outline.file.dropped.find((l) => l.reason === 'print line');
  const date = signature.date ?? (hints.date ? isoDate(hints.date) : null) ?? (printed ? isoDate(printed.text) : null);
  const docNumber = findDocNumber(preamble) ?? found?.docNumber ?? hints.docNumber ?? null;
  return {
    title: title && stripPeriod(title),
    noticeTitle,
    issuer,
    docNumber,
    date,
    year: planYear(title, docNumber, date),
    region: regionOf(title, issuer),
    recipients: findRecipients([...preamble, ...outline.file.dropped.filter((l) => l.reason === 'recipients line')]),
  };
}

/** The plan year (§4): the title's own year (not one inside a cited 《》 or a range), the document number's, the date's. */
function planYear(title: string | null, docNumber: string | null, date: string | null): number | null {
  const own = title?.replace(/《[^《》]*》|〈[^〈〉]*〉/g, '').replace(/\d{4}\s*[—–\-～~至到]\s*\d{4}年/g, '');
  const inTitle = own ? /(\d{4})年/.exec(own)?.[1] : undefined;
  const inNumber = docNumber ? /[〔[［【(（﹝](\d{4})[〕\]］】)）﹞]/.exec(docNumber)?.[1] : undefined;
  const found = inTitle ?? inNumber ?? date?.slice(0, 4);
  return found ? Number(found) : null;
}

function isSignature(line: DroppedLine): boolean {
  return line.reason === 'signature' || line.reason === 'signature date';
}

function byLine(a: { text: string; line?: number }, b: { text: string; line?: number }): number {
  return (a.line ?? 0) - (b.line ?? 0);
}
