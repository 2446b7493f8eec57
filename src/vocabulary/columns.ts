import type { Role } from '../model.js';

// Column meanings of task tables, by their header words. Readers flatten a table into rows of
// cells separated by “|”; several paragraphs of one cell are joined by U+2029.
export const CELL_PARAGRAPH = '\u2029';

export type ColumnKind = 'seq' | 'category' | 'task' | 'requirement' | 'units' | 'deadline' | 'other';

export interface Column {
  kind: ColumnKind;
  /** For unit columns: the role its units carry; null = decided once all columns are known. */
  role?: Role | null;
}

/** The words of a time-limit column or label (时限要求, 完成时间 …), longest first; 时间 alone counts too. */
export const LIMIT_WORDS = ['完成时限', '时限要求', '完成时间', '时间节点', '时间安排', '进度安排', '完成期限', '推进时间', '截止时间', '时限'];

/** The words of a column or label naming the leaders who answer for a task: 牵头领导, 责任市领导, 分管领导. */
export const LEADER = /(牵头|责任|分管|联系|包保|主管)[省市县区]?领导/;

// Header words by meaning (contract §2.2 rule 4). Tested against a header cell with its white
// space removed; the first rule that matches wins, so the more specific words come first.
const HEADER_MEANINGS: { words: RegExp; column: Column }[] = [
  { words: /^(序号|编号|序)$/, column: { kind: 'seq' } },
  { words: /^(责任|配合)[/、／](责任|配合)(单位|部门)$/, column: { kind: 'units', role: null } },
  // The leaders who answer for a task (牵头领导, 责任县领导) are persons, not units.
  { words: LEADER, column: { kind: 'other' } },
  { words: /牵头(单位|部门)|主办单位/, column: { kind: 'units', role: 'lead' } },
  { words: /(配合|协办|参与|协同)(单位|部门)/, column: { kind: 'units', role: 'support' } },
  { words: /(责任|负责|承办|实施|指导|主责|落实)(单位|部门|处室|科室|主体|股室)/, column: { kind: 'units', role: 'responsible' } },
  { words: /^(单位|部门|处室|科室)$/, column: { kind: 'units', role: 'responsible' } },
  { words: /完成情况|进展情况|落实情况|工作进展|办理情况/, column: { kind: 'other' } },
  { words: new RegExp(`${LIMIT_WORDS.join('|')}|^时间$`), column: { kind: 'deadline' } },
  { words: /^(类别|分类|领域|重点领域|工作领域|板块|任务类别|一级指标|专项)$/, column: { kind: 'category' } },
  { words: /要求|内容|细化|措施|三级指标|具体任务|目标|工作标准/, column: { kind: 'requirement' } },
  { words: /任务|事项|举措|项目|二级指标|工作重点|重点工作/, column: { kind: 'task' } },
  { words: /备注|推广范围|说明|依据|分值|评分/, column: { kind: 'other' } },
];

/**
 * A column's name written before its value, as a label: 责任单位：X, 【责任单位】X, [完成时限]X. Its
 * word is group 1; what follows the match is the value.
 */
export const LABEL = /^\s*[【[［]?([\u4e00-\u9fff]{2,6})(?:\s*[：:]|[】\]］]\s*[：:]?)\s*/;

/** Whether a text is labelled with the leaders who answer for a task (责任领导：X, 【牵头领导】X): persons, neither a unit nor task text. */
export const labelsLeaders = (text: string): boolean => LEADER.test(LABEL.exec(text)?.[1] ?? '');

const HEADER_CELL_MAX = 12;
const NUMBERED = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;

export function meaningOf(cell: string): Column | null {
  const word = cell.replace(/\s+/g, '');
  // A header cell is a bare word: a numbered cell (一、年底前专项工作任务) is a row's.
  if (!word || word.length > HEADER_CELL_MAX || NUMBERED.test(word)) return null;
  return HEADER_MEANINGS.find((h) => h.words.test(word))?.column ?? null;
}

/** The columns a header row names, or null when the row is not a header. */
export function headerColumns(cells: string[]): Column[] | null {
  const filled = cells.filter((c) => c.trim()).length;
  // Two meanings at least: a line of text is not even looked at (every line of a notice is asked).
  if (filled < 2) return null;
  const meanings = cells.map(meaningOf);
  const named = meanings.filter((m) => m !== null);
  if (named.length < 2 || named.length * 2 < filled) return null;
  if (!named.some((m) => m.kind === 'units' || m.kind === 'task' || m.kind === 'requirement')) return null;
  const hasLead = named.some((m) => m.role === 'lead');
  // “配合/责任单位” is support beside a 牵头 column, and the responsible units on its own.
  return meanings.map((m) =>
    m === null ? { kind: 'other' } : m.kind === 'units' && m.role === null ? { kind: 'units', role: hasLead ? 'support' : 'responsible' } : m,
  );
}
