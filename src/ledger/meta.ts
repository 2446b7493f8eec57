import type { DroppedLine, Meta, Outline, SourceLine } from '../model.js';
import { DOC_NUMBER } from '../clean/chrome.js';
import { chineseDigits, chineseNumber } from '../outline/numerals.js';
import { DATE_LINE, OFFICE_LINE } from '../outline/tail.js';
import { isUnitName } from './units.js';

// The notice's own details (contract §4), read from the lines around the numbered body.

const NOTICE_TITLE = /关于.{2,80}的(通知|意见|决定|函|批复|通告|公告|报告)$/;
const PLAN_WORDS = /(工作要点|工作方案|实施方案|任务分工|分工方案|责任分工|分解表|工作计划|行动方案|行动计划|工作安排|重点任务|主要任务|实施意见|实施细则)/;
const TITLE_MAX = 80;
/** The cover letter's name of the plan it issues: 现将《X》印发给你们 / 《X》已经…同意，现印发给你们. */
const ISSUED_PLAN = /《([^《》]{4,80})》[^《》。]{0,30}?印发给/;
const RECIPIENTS_LINE = /^[^。]{2,200}[：:]$/;
// A place, then perhaps a place within it (北京市西城区); 温州 is followed by 市, 贵州 by 省.
const PLACE = /^(?:\d{4}年度?)?((?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|特别行政区|市|自治州|州|盟|地区|自治县|县|旗|区)(?:省|市|县|区)?)(?:[\u4e00-\u9fff]{1,6}?(?:市|县|区|旗))?)/;
const REGION_EXCLUDED = /^(关于|国务院|中共|全国|全省|全市|全区|全县|本市)/;

/** 2016年7月13日 / 二〇一六年七月十三日 / 2017/5/15 → ISO date. */
export function isoDate(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  const arabic = /(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})/.exec(compact);
  const chinese = /([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/.exec(compact);
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

/** The notice title: one line, or two when a long title was set on two lines. */
function findNoticeTitle(lines: SourceLine[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.text;
    if (line.length <= TITLE_MAX && NOTICE_TITLE.test(line)) return line;
    const joined = line + (lines[i + 1]?.text ?? '');
    if (/关于/.test(line) && !/[。，：]/.test(joined) && joined.length <= TITLE_MAX && NOTICE_TITLE.test(joined)) return joined;
  }
  return null;
}

function findPlanTitle(lines: SourceLine[], noticeTitle: string | null): string | null {
  for (const line of lines) {
    const issued = ISSUED_PLAN.exec(line.text);
    if (issued) return issued[1]!;
  }
  const titleLine = lines.find(
    (l) => l.text.length <= TITLE_MAX && PLAN_WORDS.test(l.text) && !/[。，：]/.test(l.text) && !l.text.includes('关于'),
  );
  if (titleLine) return titleLine.text;
  const issuedByTitle = noticeTitle ? /关于印发《?(.+?)》?的通知$/.exec(noticeTitle) : null;
  return issuedByTitle?.[1] ?? noticeTitle;
}

/** The signing office and date: an office line directly above a date line. */
function findSignature(lines: { text: string }[]): { issuer: string | null; date: string | null } {
  for (let i = 0; i < lines.length; i++) {
    if (!DATE_LINE.test(lines[i]!.text)) continue;
    const above = lines[i - 1]?.text ?? '';
    return { issuer: OFFICE_LINE.test(above) ? above : null, date: isoDate(lines[i]!.text) };
  }
  return { issuer: null, date: null };
}

function findDocNumber(lines: SourceLine[]): string | null {
  for (const line of lines) {
    const m = DOC_NUMBER.exec(line.text);
    // A number standing on its own line is the notice's; one inside a sentence is a citation.
    if (m && line.text.length - m[0].length <= 8) return m[0].replace(/\s+/g, '');
  }
  return null;
}

/** The 主送 line: before its colon, a list of addressees each ending in a unit's name. */
function findRecipients(lines: SourceLine[]): string[] {
  for (const line of lines) {
    if (!RECIPIENTS_LINE.test(line.text) || PLAN_WORDS.test(line.text)) continue;
    const recipients = line.text
      .replace(/[：:]$/, '')
      .split(/[，,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (recipients.every(isUnitName)) return recipients;
  }
  return [];
}

export function regionOf(title: string | null, issuer: string | null): string | null {
  for (const text of [title, issuer]) {
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
  const around: { text: string }[] = [...preamble, ...outline.dropped.filter(isSignature)].sort(byLine);
  const hints = outline.metaHints;
  const noticeTitle = findNoticeTitle(preamble) ?? hints.noticeTitle ?? null;
  const signature = findSignature(around);
  const title = findPlanTitle(preamble, noticeTitle) ?? hints.title ?? null;
  const issuerFromTitle = noticeTitle && /^(.{2,30}?)关于/.exec(noticeTitle)?.[1];
  const issuer = signature.issuer ?? issuerFromTitle ?? hints.issuer ?? null;
  const printed = outline.dropped.find((l) => l.reason === 'print line');
  const date = signature.date ?? (hints.date ? isoDate(hints.date) : null) ?? (printed ? isoDate(printed.text) : null);
  const yearInTitle = title ? /(\d{4})年/.exec(title)?.[1] : undefined;
  const year = yearInTitle ? Number(yearInTitle) : date ? Number(date.slice(0, 4)) : null;
  return {
    title: title && stripPeriod(title),
    noticeTitle,
    issuer,
    docNumber: findDocNumber(preamble) ?? hints.docNumber ?? null,
    date,
    year,
    region: regionOf(title, issuer),
    recipients: findRecipients(preamble),
  };
}

function isSignature(line: DroppedLine): boolean {
  return line.reason === 'signature' || line.reason === 'signature date';
}

function byLine(a: { text: string; line?: number }, b: { text: string; line?: number }): number {
  return (a.line ?? 0) - (b.line ?? 0);
}
