import type { SourceLine } from '../model.js';
import { matchMarker } from '../vocabulary/markers.js';

// Run-together text: a notice (or a section of it) that lost its line breaks, its numbering
// inline: “…制定本方案。一、工作目标……二、工作任务（一）围绕建设法治政府……1.把公开透明作为……”.
// Such a line is split at a marker only where the marker continues the numbering — the next
// ordinal of a level already open, or the first of a new level — never inside quotes, brackets
// or 《》, and never inside a number or date (the marker patterns refuse 1.5亿元, 〔2018〕35号).

/** Lines shorter than this are paragraphs, not run-together sections. */
const RUN_TOGETHER_MIN = 120;
/** Styles that are split out inline, and the characters that may stand just before them. */
const INLINE_STYLES: Record<string, RegExp> = {
  '一、': /[。；！？：\s”]/,
  '（一）': /[。；！？：\s”\u4e00-\u9fff]/,
  '1.': /[。；！？：\s”\u4e00-\u9fff]/,
  '（1）': /[。；！？：\s”]/,
};
/**
 * Section headings a run-together line glues to their first sentence (“一、工作目标紧紧围绕…”):
 * split off, so that the heading is a heading (an aims section stays preamble).
 */
const SECTION_HEADINGS = /^(总体要求|指导思想|工作目标|主要目标|总体目标|基本原则|工作原则|目标任务|主要任务|重点任务|工作任务|工作措施|保障措施|工作要求|组织保障|组织领导|实施步骤|工作步骤|工作安排)(?=[\u4e00-\u9fff\d“])/;

const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '(': ')', '【': '】', '〔': '〕', '「': '」' };

class Numbering {
  /** The styles in order of first appearance, and each one's next ordinal. */
  private readonly order: string[] = [];
  private readonly next = new Map<string, number>();
  /** Each style's last ordinal: a list may run on across its parents (（一）…（十五）, 1.…12.). */
  private readonly last = new Map<string, number>();

  continues(style: string, ordinal: number): boolean {
    const expected = this.next.get(style);
    if (expected === undefined) return ordinal === 1;
    return ordinal === expected || ordinal === 1 || ordinal === (this.last.get(style) ?? 0) + 1;
  }

  see(style: string, ordinal: number): void {
    if (!this.next.has(style)) this.order.push(style);
    this.next.set(style, ordinal + 1);
    this.last.set(style, ordinal);
    // Deeper levels start again under a new item.
    for (const deeper of this.order.slice(this.order.indexOf(style) + 1)) this.next.set(deeper, 1);
  }
}

/** Where a marker of an inline style may start: the patterns are tried only there. */
const CANDIDATE = /[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[（(]\d{1,2}[）)]|\d{1,2}[.．、](?!\d)/g;

/** Positions in a line where a marker continuing the numbering starts. */
function splitPoints(text: string, numbering: Numbering): number[] {
  const points: number[] = [];
  const closing: string[] = [];
  let scanned = 0;
  CANDIDATE.lastIndex = 1;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const at = m.index;
    // Quotes and brackets open before the candidate: a marker inside them is text.
    for (; scanned < at; scanned++) {
      const ch = text[scanned]!;
      if (closing.length && ch === closing.at(-1)) closing.pop();
      else if (OPENERS[ch] && closing.length < 8) closing.push(OPENERS[ch]!);
    }
    if (closing.length > 0) continue;
    const marker = matchMarker(text.slice(at, at + 60));
    const before = INLINE_STYLES[marker?.style ?? ''];
    if (marker && !marker.needsSequence && before?.test(text[at - 1]!) && numbering.continues(marker.style, marker.ordinal)) {
      numbering.see(marker.style, marker.ordinal);
      points.push(at);
      // The marker's own bracket is not an open quote.
      scanned = at + marker.text.length;
      CANDIDATE.lastIndex = scanned;
    }
  }
  return points;
}

/** A run-together line has at least one marker right after a sentence's end (quick to look for). */
const AFTER_SENTENCE = /[。；！？]\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、])/;
const mayRunTogether = (line: SourceLine): boolean =>
  line.text.length >= RUN_TOGETHER_MIN && !line.text.includes('|') && AFTER_SENTENCE.test(line.text);

/** Splits run-together lines at their inline numbering; other lines only teach the numbering. */
export function splitRunTogether(lines: SourceLine[]): SourceLine[] {
  // Most notices have no such line: then the numbering need not be followed at all.
  if (!lines.some(mayRunTogether)) return lines;
  const numbering = new Numbering();
  const out: SourceLine[] = [];
  for (const line of lines) {
    const lead = matchMarker(line.text);
    if (lead && !lead.needsSequence) numbering.see(lead.style, lead.ordinal);
    if (!mayRunTogether(line)) {
      out.push(line);
      continue;
    }
    const points = splitPoints(line.text, numbering);
    if (points.length === 0) {
      out.push(line);
      continue;
    }
    [0, ...points].forEach((from, k) => {
      const to = points[k] ?? line.text.length;
      const text = line.text.slice(from, to).trim();
      const marker = k > 0 ? matchMarker(text) : null;
      const heading = marker ? SECTION_HEADINGS.exec(marker.rest)?.[0] : undefined;
      if (marker && heading) {
        const cut = text.indexOf(heading) + heading.length;
        out.push({ ...line, text: text.slice(0, cut) });
        out.push({ ...line, text: text.slice(cut).trim() });
      } else out.push({ ...line, text });
    });
  }
  return out.filter((l) => l.text);
}
