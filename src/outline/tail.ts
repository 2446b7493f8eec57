import type { DroppedLine, OutlineNode, SourceLine } from '../model.js';
import { WRITTEN_DATE } from '../vocabulary/numerals.js';

// What follows the last numbered item: a closing paragraph addressing everyone (a task of its
// own, contract §2.2 rule 6), then the signature, the date and the attachment list.
/** A paragraph addressed to all units: 各地各部门要…, 各县（区）务必…, 全市各级行政机关要…. */
export const ADDRESSES_ALL = /^(各|全[省市县区州盟旗]各级)[^。；]{0,40}?(要|应|须|务必|必须)|^(请|望)各/;
const CLOSING_START = new RegExp(
  `${ADDRESSES_ALL.source}|^(([\u4e00-\u9fff]{1,10}(市|县|区|州|省|旗|部门|单位|政府)[、，])+[^。；]{0,30}?(要|应|须)|以上|上述|本(方案|要点|通知|意见)[^。]{0,10}(自|由|未尽))`,
);
/**
 * The formulas that end a notice: not tasks. 特此通知, and the plan's own force (本要点由…负责解释，
 * 自印发之日起施行) when the paragraph says nothing more.
 */
const FORMULA = /^特此(通知|通告|公告|函告|批复)[。！]?$|^此复[。]?$|^本(方案|要点|通知|意见|办法|细则)(?:[，,]?(?:(?:未尽事宜)?由[^，。]{2,20}负责解释|自[^，。]{2,20}起(?:施行|执行|实施|生效)))+。?$/;
export const ATTACHMENT = /^附件\s*[\d一二三四五六七八九十]*\s*[：.．、]?/;
/** The first line of a list of attachments: 附件：1.… (what follows it may be numbered too). */
export const ATTACHMENT_LIST = /^附件\s*[：:]\s*1\s*[.．、]/;
/**
 * The attached document's own first line, 附件 or 附件1 with nothing after it (a list names its
 * attachments after a colon): what follows is the document, not a list of names.
 */
export const ATTACHMENT_HEADER = /^附件\s*[\d一二三四五六七八九十]*$/;
/** A numbered attachment's name after the first: 2.重点任务分工表. */
export const ATTACHMENT_ITEM = /^\s*\d{1,2}\s*[.．、]/;
/** An attachment's name in the list: a short line with no sentence in it. */
export const isAttachmentName = (line: string) => line.length <= 60 && !/[。；]/.test(line) && !line.includes('|');
// The year's digits as typed and scanned: 二〇二三, 二○二三, 二零二三, 二0二三, 二O二三. A note may follow (（此件公开发布）).
const DATE = new RegExp(`${WRITTEN_DATE}(?:\\s*[（(]此件[^（）()]{0,8}[)）])?$`);
export const OFFICE_LINE = /^[\u4e00-\u9fff（）]{2,30}(办公室|办公厅|人民政府|委员会|管委会|领导小组|秘书处|政府|局|厅|委|办|中心|部|院)$/;
/** A seal set on the signature: 某某办公室（代章） (its own, standing in for the signer's), （某某局代章） (another office's for the signer). */
const SEAL_LINE = /^[（(]([^（）()]{2,30})代章[)）]$|^(.{2,30}?)[（(](?:代章|盖章)[)）]$/;

/** The office a seal line names (某某办公室（代章）, （某某局代章）), or null. */
export function sealOffice(text: string): string | null {
  if (!text.endsWith('章）') && !text.endsWith('章)')) return null;
  const seal = SEAL_LINE.exec(text);
  const office = seal && (seal[1] ?? seal[2])!;
  return office && OFFICE_LINE.test(office) ? office : null;
}

/** The office a signature line names: the office alone, or a seal line's. */
export const signingOffice = (text: string): string | null => (OFFICE_LINE.test(text) ? text : sealOffice(text));

/**
 * A date in figures (2023-03-05, 2023.3.5): as often a page's publishing date, so a signature's only
 * after the signing office on its line or under it.
 */
const FIGURES_DATE = /\d{4}([-./])\d{1,2}\1\d{1,2}$/;

/**
 * The office a date line names before its date (青禾市人民政府办公室  2023年3月5日, the spaces folded in
 * cleaning), '' for a date alone, null for no date line. The line above tells a date in figures.
 */
export function officeBeforeDate(text: string, above = ''): string | null {
  // Cheap first: a date line ends in 日, a note's bracket or, in figures, a digit.
  const last = text.charCodeAt(text.length - 1);
  if (last >= 0x30 && last <= 0x39) return officeBeforeFiguresDate(text, above);
  if (last !== 0x65e5 && last !== 0xff09 && last !== 0x29) return null;
  const date = DATE.exec(text);
  if (date === null) return null;
  if (date.index === 0) return '';
  return signingOffice(text.slice(0, date.index).trim());
}

function officeBeforeFiguresDate(text: string, above: string): string | null {
  const date = FIGURES_DATE.exec(text);
  if (date === null) return null;
  if (date.index > 0) return signingOffice(text.slice(0, date.index).trim());
  return signingOffice(above) !== null ? '' : null;
}

/** A line that dates the notice: the date, alone or after the signing office (or under it, for a date in figures). */
export const isDateLine = (text: string, above?: string): boolean => officeBeforeDate(text, above) !== null;

/** A signature of several lines: the office, a seal, the date. */
const SIGNATURE_LINES_MAX = 2;

/** Splits the tail off the last item's body: closing paragraphs, and what is dropped. */
export function classifyTail(last: OutlineNode): { closing: SourceLine[]; dropped: DroppedLine[] } {
  // A heading-only item (二、工作要求) owns the paragraph under it, even one addressed to all.
  const headingOnly = !/[。；]/.test(last.head.text);
  let start = last.body.findIndex(
    (l, i) =>
      ATTACHMENT.test(l.text) || isDateLine(l.text, last.body[i - 1]?.text) || FORMULA.test(l.text) || (CLOSING_START.test(l.text) && !(headingOnly && i === 0)),
  );
  if (start < 0) return { closing: [], dropped: [] };
  // The signing office, and a seal set for it, stand on the lines above the date.
  if (isDateLine(last.body[start]!.text, last.body[start - 1]?.text)) {
    const top = start - SIGNATURE_LINES_MAX;
    while (start > Math.max(0, top) && signingOffice(last.body[start - 1]!.text) !== null) start--;
  }
  const tail = last.body.splice(start);
  const closing: SourceLine[] = [];
  const dropped: DroppedLine[] = [];
  let state: 'closing' | 'attachments' | 'signed' = 'closing';
  // A date no office signed, on its line or above it: the office may stand below it instead.
  let unsignedDate = false;
  for (const [i, line] of tail.entries()) {
    if (state === 'signed') {
      dropped.push({ ...line, reason: unsignedDate && signingOffice(line.text) !== null ? 'signature' : 'after the signature' });
      unsignedDate = false;
    } else if (isDateLine(line.text, tail[i - 1]?.text)) {
      unsignedDate = officeBeforeDate(line.text, tail[i - 1]?.text) === '' && dropped.at(-1)?.reason !== 'signature';
      dropped.push({ ...line, reason: 'signature date' });
      state = 'signed';
    } else if (FORMULA.test(line.text)) {
      dropped.push({ ...line, reason: 'closing formula' });
    } else if (signingOffice(line.text) !== null) {
      dropped.push({ ...line, reason: 'signature' });
    } else if (ATTACHMENT.test(line.text) || state === 'attachments') {
      dropped.push({ ...line, reason: 'attachment list' });
      state = 'attachments';
    } else closing.push(line);
  }
  return { closing, dropped };
}
