import type { Deadline } from '../model.js';
import { HAN } from './han.js';
import { chineseDigits, chineseNumber, YEAR_DIGITS, YEAR_ZEROS } from './numerals.js';
import { LABEL, meaningOf } from './columns.js';

// Time limits as notices write them (contract §5). Each rule finds a limit in task text and
// resolves it to an ISO date with the plan year, or null for a relative limit.
type Resolve = (m: RegExpExecArray, year: number | null) => string | null;

const NUM = '(\\d{1,2})';
/** A year of this century as written: 2023, 二〇二三 (digit by digit in Chinese). */
const YEAR_NUMBER = `\\d{4}|二[${YEAR_ZEROS}][${YEAR_DIGITS}]{2}`;
/** A year written before a date: 2023年, 二〇二三年, or the next one (次年, 明年). */
const YEAR = `(?:(${YEAR_NUMBER}|次|明)年)?`;
const BEFORE = '(?:前|之前|以前|为止)';
/** A period's limit is its end, said as before it or within it: 上半年前, 二季度内. */
const BY_END = `(?:${BEFORE}|内)`;
/** A count of units of time: 3, 两, 十五, and 半 (半年内, 半个月内: a span, not the first half of the year). */
const CN_COUNT = '[\\d一二三四五六七八九十两半]+';
/** A month in digits or in Chinese numerals: 9, 十一. */
const monthOf = (written: string) => (/\d/.test(written) ? Number(written) : chineseNumber(written));
/** A part of a clause that says how often (每季度更新, 按月编发, 定期公开): neither a unit nor a time limit (contract §5). */
export const FREQUENCY = /^(?:(?:每|按)(?:年|半年|季度?|月|旬|周|日|天)|定期)/;
/** A date that comes every year or month (每年3月31日前) is a frequency, not a limit. */
const NOT_RECURRING = '(?<!每年|每月|每季度|每半年|\\d)';
/** Verbs after a bare year and month that make it a limit: 2021年8月完成. */
const ACHIEVED = '完成|建成|实现|上线|投入|启动|全面|基本|全部';
/** What stands before 年内 / 年底 when it is a span (3年内) or a frequency (每年底), not this year. */
const NOT_THIS_YEAR = '(?<![\\d一二三四五六七八九十两个每多几半])';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number | null, month: number, day: number | 'last'): string | null => {
  if (year === null || month < 1 || month > 12) return null;
  const d = day === 'last' ? lastDay(year, month) : day;
  return d >= 1 && d <= lastDay(year, month) ? `${year}-${pad(month)}-${pad(d)}` : null;
};
/** The year a date names (次年 and 明年 are the plan year's next), else the plan year. */
const yearOf = (written: string | undefined, planYear: number | null) => {
  if (!written) return planYear;
  if (/^\d/.test(written)) return Number(written);
  if (written.length === 4) return chineseDigits(written);
  return planYear === null ? null : planYear + 1;
};
const TEN_DAY = { 上旬: 10, 中旬: 20 } as Record<string, number>;
/** A day of a month as written, or as spoken (9月20号); a limit may say it includes the day: 10月31日（含）前. */
const DAY = '(\\d{1,2})[日号](?:（含）)?';
/** A month in Chinese numerals, not the end of a longer numeral or count (十二个月, 几个月). */
const CN_MONTH = '(?<![一二三四五六七八九十两个几])([一二三四五六七八九十]{1,3})';
/** What stands between the ends of a range: 6—9月, 6月至9月, 三至四季度. */
const RANGE = '\\s*[—–\\-－~～至到]+\\s*';
/** A month of a range, not part of a longer number. */
const MONTH = '(1[0-2]|0?[1-9])(?!\\d)';
/** What a range of months is when it is the period of some figures, not a time to work in: 1—6月的数据, 1-2月份累计. */
const NOT_FIGURES = '(?!份?(?:的|数据|累计|同期|以来))';
/** A range from January (1—8月份) is the year so far, as figures count it. */
const NOT_YEAR_SO_FAR = `(?!0?1月?${RANGE})`;
const QUARTER = '第?([一二三四1-4])';
/** The last month of a quarter: 三 or 3 → 9. */
const quarterEnd = (q: string) => {
  const chinese = '一二三四'.indexOf(q);
  return (chinese >= 0 ? chinese + 1 : Number(q)) * 3;
};

interface DeadlineRule {
  /** A word every match contains, looked for first: most windows of text lack most of them. */
  word: string;
  /** What every match contains, where more than the word: texts without it skip the rule. */
  needs?: RegExp;
  pattern: RegExp;
  resolve: Resolve;
}

export const DEADLINE_RULES: DeadlineRule[] = [
  // 5月20日—8月30日: the end of the range
  {
    word: '月', needs: /月\d{1,2}日?\s*[—–\-－~～至到]/,
    pattern: new RegExp(`${NOT_RECURRING}${YEAR}${NUM}月${NUM}日?${RANGE}${YEAR}${NUM}月${NUM}日`, 'g'),
    resolve: (m, y) => iso(yearOf(m[4] ?? m[1], y), Number(m[5]), Number(m[6])),
  },
  // 6—9月, 6月至9月, 2024年6月—9月, 5—6月底前, 11月至次年3月, 8月中旬至9月上旬: the end of the range (a
  // range that wraps the year, 11—3月, ends in the next)
  {
    word: '月', needs: /[—–\-－~～至到]\s*(?:\d{4}年|[次明]年)?\d{1,2}月/,
    pattern: new RegExp(`${NOT_RECURRING}(?<![.．])${YEAR}${NOT_YEAR_SO_FAR}${MONTH}(?:月(?:\\d{1,2}日|[上中下]旬)?)?${RANGE}${YEAR}${MONTH}月(?:(\\d{1,2})日|([上中下]旬))?份?(?:(?:底|末)${BEFORE}?|${BEFORE})?${NOT_FIGURES}`, 'g'),
    resolve: (m, y) => {
      const [from, to] = [Number(m[2]), Number(m[4])];
      const start = yearOf(m[1], y);
      const year = m[3] ? yearOf(m[3], y) : start === null ? null : start + (to < from ? 1 : 0);
      return iso(year, to, m[5] ? Number(m[5]) : m[6] ? TEN_DAY[m[6]] ?? 'last' : 'last');
    },
  },
  // 2018年8月5日前, 8月5日前, 于8月5日, 9月20号前
  {
    word: '月', needs: /月\d{1,2}[日号]/,
    pattern: new RegExp(`(?:(?<=[于在到至截止])|(?<=不晚于))${YEAR}${NUM}月${DAY}(?:${BEFORE})?|${NOT_RECURRING}${YEAR}${NUM}月${DAY}(?:${BEFORE}|(?=${ACHIEVED}))`, 'g'),
    resolve: (m, y) => (m[2] ? iso(yearOf(m[1], y), Number(m[2]), Number(m[3])) : iso(yearOf(m[4], y), Number(m[5]), Number(m[6]))),
  },
  // 8月底前, 2021年8月底, 9月份前, 11月完成 (read as the end of that month, as a clerk would; a
  // bare 3月份 is as often a statistic's month as a limit)
  {
    word: '月', needs: /\d月份?[底末前之以为完建实上投启全基]/,
    pattern: new RegExp(`${NOT_RECURRING}${YEAR}${NUM}月(?:份?(?:(?:底|末)${BEFORE}?|${BEFORE})|份?(?=${ACHIEVED}))`, 'g'),
    resolve: (m, y) => iso(yearOf(m[1], y), Number(m[2]), 'last'),
  },
  // 三至四月, 九—十月份: a range of months in Chinese numerals, by its end (not 一至三月, the year so far)
  {
    word: '月', needs: /[一二三四五六七八九十][—–\-－~～至到]+[一二三四五六七八九十]{1,3}月/,
    pattern: new RegExp(`${NOT_RECURRING}${YEAR}(?!一月?${RANGE})${CN_MONTH}(?:月份?)?${RANGE}([一二三四五六七八九十]{1,3})月份?(?:(?:底|末)${BEFORE}?|${BEFORE})?${NOT_FIGURES}`, 'g'),
    resolve: (m, y) => {
      const [from, to] = [chineseNumber(m[2]!), chineseNumber(m[3]!)];
      const start = yearOf(m[1], y);
      return iso(start === null ? null : start + (to < from ? 1 : 0), to, 'last');
    },
  },
  // 三月底前, 十二月底前, 二〇二三年六月底前: a month written in Chinese numerals
  {
    word: '月', needs: /[一二三四五六七八九十]月/,
    pattern: new RegExp(`${NOT_RECURRING}${YEAR}${CN_MONTH}月份?(?:(?:底|末)${BEFORE}?|${BEFORE})`, 'g'),
    resolve: (m, y) => iso(yearOf(m[1], y), chineseNumber(m[2]!), 'last'),
  },
  // 9月上旬, 十月中旬前
  {
    word: '月', needs: /月[上中下]旬/,
    pattern: new RegExp(`${NOT_RECURRING}${YEAR}(?:${NUM}|${CN_MONTH})月(上旬|中旬|下旬)${BEFORE}?`, 'g'),
    resolve: (m, y) => iso(yearOf(m[1], y), monthOf(m[2] ?? m[3]!), TEN_DAY[m[4]!] ?? 'last'),
  },
  // 2021年8月前, 到2021年8月, 2021年8月完成
  {
    word: '月', needs: /\d{4}年\d{1,2}月/,
    pattern: new RegExp(`(?:(?<=[于在到至止])(\\d{4})年${NUM}月(?![\\d底末上中下])${BEFORE}?|(\\d{4})年${NUM}月(?:${BEFORE}|(?=${ACHIEVED})))`, 'g'),
    resolve: (m) => (m[1] ? iso(Number(m[1]), Number(m[2]), 'last') : iso(Number(m[3]), Number(m[4]), 'last')),
  },
  // 2021—2022年, 2021年至2022年底前: the end of the range; not the period of a plan or of figures
  // (行动计划（2021—2025年）, 2016—2020年的数据)
  {
    word: '年', needs: /\d{4}年?\s*[—–\-－~～至到]+\s*\d{4}年/,
    pattern: new RegExp(`(?<![\\d.．]|(?:规划|计划|纲要)[（(])(\\d{4})年?${RANGE}(\\d{4})年(?:(?:底|末)${BEFORE}?)?(?!(?:[\\d度]|的|期间|以来|规划|计划|纲要|[)）]?[》〉]))`, 'g'),
    resolve: (m) => iso(Number(m[2]), 12, 31),
  },
  // 2017年底前, 2024年内, 到2017年, 二〇二三年底前
  // (2016年末 alone is a date things are counted at — 2016年末政府债务余额 — not a limit)
  {
    word: '年', needs: new RegExp(`\\d年|二[${YEAR_ZEROS}]`),
    pattern: new RegExp(`(${YEAR_NUMBER})年(?:底${BEFORE}?|末${BEFORE}|度?内)|(?<=[到至止于])(${YEAR_NUMBER})年(?:[底末]|(?![\\d度]))`, 'g'),
    resolve: (m) => iso(yearOf(m[1] ?? m[2], null), 12, 31),
  },
  // 6月至年底, 九月至年底前: a range of months to the year's end, by its end
  {
    word: '年', needs: /月份?\s*[—–\-－~～至到]+\s*(?:今|本)?年底/,
    pattern: new RegExp(`${NOT_RECURRING}${YEAR}(?:${NUM}|${CN_MONTH})月份?${RANGE}(?:今|本)?年底${BEFORE}?`, 'g'),
    resolve: (m, y) => iso(yearOf(m[1], y), 12, 31),
  },
  // 年底前, 年内, 到年底, 年底完成, 次年底前, 今年年底前 (a bare 年末 is a season of the year, not a limit)
  {
    word: '年', needs: /年(底|末|内|度内)/,
    pattern: new RegExp(`${NOT_THIS_YEAR}(?:(今|本|次|明)年?)?年(?:(?:底|末)(?:${BEFORE}|(?=${ACHIEVED}))|度?内)|(?<=[到至于在])(?:(今|本|次|明)年?)?年(?:底|末)`, 'g'),
    resolve: (m, y) => iso(/[次明]/.test(m[1] ?? m[2] ?? '') ? yearOf('次', y) : y, 12, 31),
  },
  // 上半年, 下半年, 三季度末, 第二季度 (a period's limit is its end)
  { word: '半年', pattern: new RegExp(`(?<!每)${YEAR}([上下])半年${BY_END}?`, 'g'), resolve: (m, y) => iso(yearOf(m[1], y), m[2] === '上' ? 6 : 12, 'last') },
  // 三至四季度, 第二—第三季度: the end of the range
  {
    word: '季度', needs: /[—–\-－~～至到]\s*第?[一二三四1-4]季度/,
    pattern: new RegExp(`(?<![每各])${YEAR}${QUARTER}(?:季度)?${RANGE}${QUARTER}季度(?:末|底)?${BEFORE}?`, 'g'),
    resolve: (m, y) => iso(yearOf(m[1], y), quarterEnd(m[3]!), 'last'),
  },
  {
    word: '季度',
    pattern: new RegExp(`(?<![每各])${YEAR}${QUARTER}季度(?:末|底)?${BY_END}?`, 'g'),
    resolve: (m, y) => iso(yearOf(m[1], y), quarterEnd(m[2]!), 'last'),
  },
  // 公开后3个工作日内, 6小时内, 法定时限内
  {
    word: '内', needs: /(日|天|时|周|月|年|限)(以|之)?内/,
    pattern: new RegExp(`(?<!每)${CN_COUNT}个?(?:工作日|自然日|日|天|小时|周|个月|月|年)(?:内|以内|之内)|(?:法定|规定)(?:时限|期限)(?:内|以内)`, 'g'),
    resolve: () => null,
  },
];

/**
 * Words before a trigger that are not part of it: the sentence up to 于/在/应…, and the document
 * that is the trigger's subject (本工作要点公布后 → 公布后).
 */
const TRIGGER_LEADS = [/^.*(要点|方案|通知|文件|意见|办法|规定|材料|决定|条例)/, /^.*[于在应并要将自从须的，]/, /^[本该]/];

const TRIGGER_MAX = 10;
/** How the event a relative limit counts from ends: 公开后, 收到申请之日起 (之日起 before 日起). */
const TRIGGER_ENDS = ['后', '之日起', '日起'];

/** The event a relative limit counts from, as written just before it: “公开后” in 公开后3个工作日内. */
function triggerBefore(text: string, at: number): string {
  const end = TRIGGER_ENDS.find((word) => text.endsWith(word, at));
  if (end === undefined) return '';
  let start = at - 1;
  while (start > 0 && at - 1 - start < TRIGGER_MAX && HAN.test(text[start - 1]!)) start--;
  // An end with no event before it (自2021年1月1日起) names none.
  return at - start > end.length ? text.slice(start, at) : '';
}

/** A trigger without the words before it that are not part of it; what it ends with stays. */
function tidy(trigger: string): string {
  const end = TRIGGER_ENDS.find((word) => trigger.endsWith(word));
  if (end === undefined) return trigger;
  let event = trigger.slice(0, trigger.length - end.length);
  for (const lead of TRIGGER_LEADS) {
    const rest = event.replace(lead, '');
    // A lead never takes the whole event: in 收到意见后 the 意见 is what comes.
    if (rest) event = rest;
  }
  return event + end;
}

/**
 * What every rule's match holds; the rules run only on the text around these. A year alone
 * (2021年, in most paragraphs) anchors nothing: a limit that names one also names its month, its
 * end (年底), a range of years, or the 到 it runs to.
 */
const ANCHOR = new RegExp(`[\\d一二三四五六七八九十]月|年(?:底|末|度?内)|[到至止于]\\d{4}年|\\d{4}年?${RANGE}\\d{4}年|半年|季度|(?:日|天|时|周|月|年|限)(?:以|之)?内`, 'g');
/** Enough text around an anchor for the longest limit and its trigger (…公开后3个工作日内). */
const WINDOW = 24;

/** Stretches of the text around its anchors, merged where they overlap. */
function windows(text: string): [number, number][] {
  const spans: [number, number][] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m !== null; m = ANCHOR.exec(text)) {
    const from = Math.max(0, m.index - WINDOW);
    const to = Math.min(text.length, m.index + m[0].length + WINDOW);
    const last = spans.at(-1);
    if (last && from <= last[1]) last[1] = to;
    else spans.push([from, to]);
  }
  return spans;
}

interface Found {
  at: number;
  end: number;
  deadline: Deadline;
}

/**
 * Characters already inside a found limit: a later rule's match over them is the same limit.
 * One array for every call, cleared after each, grown for the longest text.
 */
let taken = new Uint8Array(4096);

/** Every time limit in a task's text, in order, once each. */
export function findDeadlines(text: string, planYear: number | null): Deadline[] {
  const spans = windows(text);
  if (spans.length === 0) return [];
  const found: Found[] = [];
  if (taken.length < text.length) taken = new Uint8Array(Math.max(text.length, taken.length * 2));
  const overlaps = (at: number, end: number) => {
    for (let i = at; i < end; i++) if (taken[i]) return true;
    return false;
  };
  try {
    for (const [from, to] of spans) {
      const window = text.slice(from, to);
      // Rules of one word stand together: the window is searched for it once.
      let word = '';
      let hasWord = false;
      for (const rule of DEADLINE_RULES) {
        if (rule.word !== word) hasWord = window.includes((word = rule.word));
        if (!hasWord || (rule.needs && !rule.needs.test(window))) continue;
        // exec, not matchAll: matchAll copies the expression on every call.
        const { pattern } = rule;
        pattern.lastIndex = 0;
        for (let m = pattern.exec(window); m !== null; m = pattern.exec(window)) {
          const start = from + m.index;
          const date = rule.resolve(m, planYear);
          const at = date === null ? start - triggerBefore(text, start).length : start;
          const end = start + m[0].length;
          if (overlaps(at, end)) continue;
          found.push({ at, end, deadline: { text: date === null ? tidy(text.slice(at, start)) + m[0] : m[0], date } });
          taken.fill(1, at, end);
        }
      }
    }
  } finally {
    // Left set, the marks would hide limits in the texts of later calls.
    for (const f of found) taken.fill(0, f.at, f.end);
  }
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  return found
    .map((f) => f.deadline)
    .filter((d) => {
      const key = d.date ?? d.text;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Limits a 时限 cell holds without a date (contract §5). */
const UNDATED_LIMIT = /^(持续|长期|常态化|全年|每年|定期|按月|按季度?|及时|适时|动态)[\u4e00-\u9fff]{0,6}$|^(立即|即时|自?即日起)[\u4e00-\u9fff]{0,4}$/;
const DEADLINE_CELL_MAX = 40;

/** Whether a short cell (or a part of a clause) is a time limit: 2021年8月前, 年底前, 持续推进. */
export function isDeadlineCell(text: string): boolean {
  const cell = text.trim().replace(/[。；]$/, '');
  if (!cell || cell.length > DEADLINE_CELL_MAX) return false;
  if (UNDATED_LIMIT.test(cell)) return true;
  const found = findDeadlines(cell, null);
  return found.length > 0 || /^(\d{4}年)?\d{1,2}月(\d{1,2}日)?/.test(cell) || /^\d{4}年(底|末|内)?/.test(cell);
}

/** The limit a line such as “完成时限：2023年6月底前” gives (a label naming a time limit as a table's header would), or null when it is no such line. */
export function labelledLimit(text: string): string | null {
  return limitAfter(LABEL.exec(text), text);
}

/** What follows a label that names a time limit, or null (no label, another label, nothing after it). */
function limitAfter(label: RegExpExecArray | null, text: string): string | null {
  if (label === null || meaningOf(label[1]!)?.kind !== 'deadline') return null;
  return text.slice(label[0].length).trim().replace(/[。；;，,]$/, '') || null;
}

/** A time limit a unit clause names: labelled (完成时限：持续推进), read as a 时限 cell is, or written as text is (2023年底前完成). */
export interface ClauseLimit {
  text: string;
  labelled: boolean;
}

/** The limit a part of a unit clause gives (完成时限：年底前, 2023年底前完成), or null: a part under another label gives none. */
export function limitPart(part: string): ClauseLimit | null {
  const text = part.trim();
  const label = LABEL.exec(text);
  if (label !== null) {
    const labelled = limitAfter(label, text);
    return labelled === null ? null : { text: labelled, labelled: true };
  }
  return isDeadlineCell(text) ? { text: text.replace(/[。；]$/, ''), labelled: false } : null;
}

// In a 完成时限 cell a bare date is the limit: 2021年8月, 12月31日, 年底.
const CELL_DATES: { pattern: RegExp; resolve: Resolve }[] = [
  { pattern: /(\d{4})年(\d{1,2})月(\d{1,2})日/, resolve: (m) => iso(Number(m[1]), Number(m[2]), Number(m[3])) },
  { pattern: /(\d{4})年(\d{1,2})月/, resolve: (m) => iso(Number(m[1]), Number(m[2]), 'last') },
  { pattern: /(\d{1,2})月(\d{1,2})日/, resolve: (m, y) => iso(y, Number(m[1]), Number(m[2])) },
  { pattern: /(\d{1,2})月/, resolve: (m, y) => iso(y, Number(m[1]), 'last') },
  { pattern: /(\d{4})年/, resolve: (m) => iso(Number(m[1]), 12, 31) },
  { pattern: /年底|年末|年内|全年/, resolve: (_m, y) => iso(y, 12, 31) },
];

/** A table's 完成时限 cell: a deadline even when it names no date (持续推进 → null). */
export function deadlineOfCell(cell: string, planYear: number | null): Deadline {
  const text = cell.trim();
  const dated = findDeadlines(text, planYear).find((d) => d.date)?.date;
  if (dated) return { text, date: dated };
  for (const { pattern, resolve } of CELL_DATES) {
    const m = pattern.exec(text);
    if (m) return { text, date: resolve(m, planYear) };
  }
  return { text, date: null };
}

/** A 时限 cell may name several limits: 2021年2月公布预算，2021年8月公布决算. */
export function deadlinesOfCell(cell: string, planYear: number | null): Deadline[] {
  const pieces = cell.split(/[，,；;。]/).map((p) => p.trim()).filter(Boolean);
  if (pieces.length < 2) return [deadlineOfCell(cell, planYear)];
  const found = pieces.map((piece) => deadlineOfCell(piece, planYear)).filter((d) => d.date !== null);
  return found.length > 0 ? found : [deadlineOfCell(cell, planYear)];
}
