import type { DroppedLine, SourceLine } from '../model.js';
import { matchMarker } from '../vocabulary/markers.js';

// Text copied out of a PDF viewer keeps each page's furniture where the page broke: a page number
// (— 3 —, 第3页 共8页: dropped as chrome line by line) and running headers and footers — the
// notice's short title, the issuing office — which as lines are like any other short line. What
// gives them away is where they stand: beside a page break, again and again.

/** A running header or footer is a caption: a longer line is the notice's. */
const RUNNING_MAX_LENGTH = 40;
/** A caption has no sentence or clause in it, and a numbered item is the notice's. */
const SENTENCE_MARK = /[。；：，]/;
/** How far from the page break (through other running lines) a header may stand: a title over a rule over an office. */
const MAX_REACH = 3;
/** A footer that carries the page's number at one of its ends: 某县政务公开工作要点 3, 3 某县政务公开工作要点 */
const EDGE_NUMBER = /^(\d{1,3})\s*(\S.*)$|^(.*\S)\s*(\d{1,3})$/;
/** What such a footer says besides its number: a word, not 附件2 or 表3. */
const MIN_FOOTER_WORDS = 4;

/** The line with its numbers blanked: 第3页 on one page is 第4页 on the next. */
const shape = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');

const mayRun = (text: string) => text.length <= RUNNING_MAX_LENGTH && !SENTENCE_MARK.test(text) && matchMarker(text) === null;

/**
 * Footers that carry the page's number at one end of a text that is the same on each page (二 pages
 * at least, numbered on: 1, 2, 3 — or every other page, 2, 4, as facing pages set them). By line number.
 */
function numberedFooters(lines: SourceLine[]): Set<number> {
  const groups = new Map<string, { line: number; page: number }[]>();
  for (const { text, line } of lines) {
    if (text.length > RUNNING_MAX_LENGTH || !/\d$|^\d/.test(text) || !mayRun(text)) continue;
    const found = EDGE_NUMBER.exec(text);
    if (!found) continue;
    const words = (found[2] ?? found[3])!;
    if (words.replace(/\s+/g, '').length < MIN_FOOTER_WORDS || /\d/.test(words)) continue;
    const key = `${found[1] === undefined ? '' : '#'}${words.replace(/\s+/g, '')}${found[4] === undefined ? '' : '#'}`;
    const group = groups.get(key) ?? [];
    if (group.length === 0) groups.set(key, group);
    group.push({ line, page: Number(found[1] ?? found[4]) });
  }
  const footers = new Set<number>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const numberedOn = group.every((entry, i) => i === 0 || (entry.page - group[i - 1]!.page >= 1 && entry.page - group[i - 1]!.page <= 2));
    if (numberedOn) for (const entry of group) footers.add(entry.line);
  }
  return footers;
}

/**
 * The notice's lines without the running headers and footers a copy out of a PDF left between its
 * pages. A page break is a page number (`pageNumbers`, the line numbers of those dropped as chrome)
 * or a footer numbered on from page to page; a running line is a short line standing next to a
 * page break (or next to another running line that does), on the same side of it (a header after,
 * a footer before), beside half the page breaks at least, and two of them. A copy of the line elsewhere — the notice's title on its first page, the office
 * signing it — stays.
 */
export function dropRunningLines(lines: SourceLine[], pageNumbers: number[]): { lines: SourceLine[]; dropped: DroppedLine[] } {
  // Most documents are no PDF copy: with no page number printed twice, a footer must carry one.
  const footers = numberedFooters(pageNumbers.length >= 2 ? [] : lines);
  const breaks = new Set([...pageNumbers, ...footers]);
  if (breaks.size < 2) return { lines, dropped: [] };

  // The page breaks and the lines between them, in their order.
  const kept = lines.filter((line) => !footers.has(line.line));
  const sequence: ({ mark: true; line: number } | { mark: false; line: number; shape: string | null })[] = [
    ...[...breaks].map((line) => ({ mark: true as const, line })),
    ...kept.map((line) => ({ mark: false as const, line: line.line, shape: mayRun(line.text) ? shape(line.text) : null })),
  ].sort((a, b) => a.line - b.line);
  const counts = new Map<string, number>();
  for (const entry of sequence) if (!entry.mark && entry.shape !== null) counts.set(entry.shape, (counts.get(entry.shape) ?? 0) + 1);
  const repeated = (i: number) => {
    const entry = sequence[i];
    return entry !== undefined && !entry.mark && entry.shape !== null && counts.get(entry.shape)! >= 2;
  };
  /** The side the page break is on: -1 for a header (the break before it), 1 for a footer; 0 for none. */
  const breakSide = (i: number) => {
    for (const step of [-1, 1]) {
      for (let j = i + step, reach = 0; j >= 0 && j < sequence.length && reach < MAX_REACH; j += step, reach++) {
        if (sequence[j]!.mark) return step;
        if (!repeated(j)) break;
      }
    }
    return 0;
  };
  // A header tops each page and a footer ends it: a line after one break and before another is the notice's.
  const beside = new Map<string, number[]>();
  sequence.forEach((entry, i) => {
    if (entry.mark || !repeated(i)) return;
    const side = breakSide(i);
    const key = `${side}${entry.shape!}`;
    if (side === 0) return;
    const found = beside.get(key) ?? [];
    if (found.length === 0) beside.set(key, found);
    found.push(entry.line);
  });
  const running = new Set(footers);
  for (const found of beside.values()) if (found.length >= 2 && found.length * 2 >= breaks.size) for (const line of found) running.add(line);
  if (running.size === 0) return { lines, dropped: [] };
  return {
    lines: lines.filter((line) => !running.has(line.line)),
    dropped: lines.filter((line) => running.has(line.line)).map(({ text, line }) => ({ text, line, reason: footers.has(line) ? 'page number' : 'running header' })),
  };
}
