import type { CleanDoc, Decoded, DroppedLine, Meta, NoticeFile, SourceLine, Warning } from '../model.js';
import { chromeReason, labelAlone, metadataOf } from './chrome.js';
import { findMojibake } from './mojibake.js';
import { removePinyin } from './pinyin.js';
import { narrowAlnum, normalisePunctuation, normaliseSpace } from './punctuation.js';
import { FULL_WIDTH_ALNUM, HALF_WIDTH_MARK, TONED_LETTER, MAY_BE_GARBLED, OPENS_BRACKET, PIPE, scanLines, TAB, SPACE, TRADITIONAL } from './scan.js';
import { convertLine, scriptFrom } from './script.js';
import { pipeRow, tabRows } from './tabs.js';
import { dropRunningLines } from './running.js';

/**
 * One simplified line as the later stages should read it: half-width digits, no pinyin
 * annotations, tidy punctuation and spaces. `flags` (from scanLines) skip the steps a line has nothing for.
 */
export function cleanLine(raw: string, flags = ~0): string {
  let text = raw;
  if (flags & FULL_WIDTH_ALNUM) text = narrowAlnum(text);
  if (flags & OPENS_BRACKET && flags & TONED_LETTER) text = removePinyin(text);
  if (flags & HALF_WIDTH_MARK) text = normalisePunctuation(text);
  if (flags & SPACE) text = normaliseSpace(spacedHeadings(text));
  return text;
}

/**
 * A heading whose numeral is set apart by a space instead of 、 (一 工作目标, as some PDFs and
 * typed notices write it): folding the space away would glue the numeral to the title. Not 一 是…
 * or 一 要…, the first of a list inside a paragraph.
 */
const SPACED_HEADING = /^[\s\u3000]*([一二三四五六七八九十]{1,3})[ \t\u3000]+(?![是要])([\u4e00-\u9fff][^。；|]{1,38}。?)[\s\u3000]*$/;
const SPACED_HEADING_MAX = 40;

function spacedHeading(text: string): string {
  if (text.length > SPACED_HEADING_MAX) return text;
  const heading = SPACED_HEADING.exec(text);
  return heading ? `${heading[1]}、${heading[2]!.trim()}` : text;
}

/** The line's spaced heading, or each cell's in a pipe row (a category cell: 一 做好财政信息公开。 | …). */
function spacedHeadings(text: string): string {
  return text.includes('|') ? text.split('|').map(spacedHeading).join('|') : spacedHeading(text);
}

/**
 * A label alone on its line starts a block of label / value lines only beside another such label
 * (two lines before or after): a lone word like 分类 may head a table's column.
 */
function labelBlock(texts: string[], after: string | undefined): boolean {
  return (texts.length >= 3 && labelAlone(texts[texts.length - 3]!)) || (after !== undefined && labelAlone(after.trim()));
}

/** The n-th non-empty raw line after `index`. */
function nonEmptyAfter(lines: { text: string }[], index: number, n: number): string | undefined {
  for (let i = index + 1; i < lines.length && i <= index + 8; i++) {
    if (lines[i]!.text.trim() && --n === 0) return lines[i]!.text;
  }
  return undefined;
}

/** Decoded input → the notice's lines: converted to simplified, normalised, chrome dropped. */
export function clean(decoded: Decoded): CleanDoc {
  const { lines: rawLines, flags: textFlags, han } = scanLines(decoded.text);
  const lines: SourceLine[] = [];
  const dropped: DroppedLine[] = [];
  const warnings: Warning[] = [...decoded.warnings];
  const metaHints: Partial<Meta> = { ...decoded.metaHints };
  let converted = 0;
  /** A label standing alone (索引号 / 113715…/ 发布机关 / 冠县政府): the label, waiting for its value. */
  let pendingLabel: string | null = null;
  const texts: string[] = [];
  const rowsByTabs = textFlags & TAB ? tabRows(rawLines) : new Set<number>();

  rawLines.forEach((raw, index) => {
    const line = index + 1;
    let text = rowsByTabs.has(index) ? pipeRow(raw.text) : raw.text;
    if (raw.flags & TRADITIONAL) {
      const simplified = convertLine(text, raw.flags);
      converted += simplified.changed;
      text = simplified.text;
    }
    const garbled = raw.flags & MAY_BE_GARBLED ? findMojibake(text) : null;
    if (garbled) warnings.push({ code: 'mojibake', message: `garbled text “${garbled}”`, line });
    text = cleanLine(text, raw.flags);
    if (!text) return;
    texts.push(text);
    const label = pendingLabel;
    pendingLabel = null;
    const reason = label !== null ? 'disclosure metadata' : labelAlone(text) && labelBlock(texts, nonEmptyAfter(rawLines, index, 2)) ? 'disclosure label' : chromeReason(text, raw.flags);
    if (reason === null) {
      lines.push({ text, line });
      return;
    }
    dropped.push({ text, reason, line });
    if (reason === 'disclosure label') pendingLabel = text.replace(/[：:\s]/g, '');
    if (reason === 'disclosure metadata') {
      for (const [field, value] of Object.entries(metadataOf(label === null ? text : `${label}：${text}`))) {
        metaHints[field as keyof typeof metaHints] ??= value as never;
      }
    }
  });

  // The running headers and footers between a PDF copy's pages, found by the page numbers dropped.
  const pageNumbers = dropped.filter((line) => line.reason === 'page number').map((line) => line.line);
  const running = dropRunningLines(lines, pageNumbers);
  if (running.dropped.length) {
    for (const line of running.dropped) dropped.push(line);
    dropped.sort((a, b) => a.line - b.line);
  }

  const source = { name: decoded.name, format: decoded.format, encoding: decoded.encoding, script: scriptFrom(converted, han) };
  const file: NoticeFile = { source, warnings, dropped, metaHints, ...(decoded.lineSources ? { lineSources: decoded.lineSources } : {}) };
  // Cleaning puts a “|” only into the rows it makes of tab-separated lines.
  const pipes = rowsByTabs.size > 0 || (textFlags & PIPE) !== 0;
  return { file, lines: running.lines, pipes };
}
