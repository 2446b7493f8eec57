import { tableRow } from '../../export/md.js';
import type { TextEdit } from '../edits.js';
import { CHANGE_KINDS, type DiffReport, type KindCounts, type TaskPair } from '../types.js';
import {
  detailLines,
  displayText,
  headline,
  KIND_LABELS,
  pairEdits,
  pairIds,
  sectionLabel,
  sectionYear,
  shownTask,
  sideLabel,
  signalsLabel,
  similarityLabel,
} from './describe.js';

/** Backslash-escapes what Markdown would read as markup or as a table border. */
function escape(text: string): string {
  return text.replace(/[\\`*_~[\]<>|&#]/g, '\\$&').replace(/\r?\n/g, ' ');
}

function countCells(counts: KindCounts): number[] {
  return CHANGE_KINDS.map((kind) => counts[kind]);
}

/**
 * Edits as <del> and <ins>: Markdown's own ~~ and ** do not take effect next to Chinese
 * punctuation (“, 。), by CommonMark's flanking rules.
 */
function inlineEdits(edits: readonly TextEdit[]): string {
  return edits
    .map(({ op, text }) => (op === 'same' ? escape(text) : `<${op}>${escape(text)}</${op}>`))
    .join('');
}

function textLine(pair: TaskPair): string {
  const edits = pairEdits(pair);
  return edits === undefined ? escape(displayText(shownTask(pair))) : inlineEdits(edits);
}

function pairItem(pair: TaskPair): string[] {
  const kinds = pair.kinds.map((kind) => KIND_LABELS[kind]).join('、');
  const similarity = pair.old !== null && pair.new !== null ? ` · ${similarityLabel(pair)}（${signalsLabel(pair)}）` : '';
  return [
    `- **${escape(pairIds(pair))}** · ${kinds}${similarity}`,
    `  ${textLine(pair)}`,
    ...detailLines(pair).map(({ kind, text }) => `  - ${KIND_LABELS[kind]}：${escape(text)}`),
  ];
}

/** The report as a Markdown document: counts, counts per section, the changes, the rest. */
export function diffToMarkdown(report: DiffReport): string {
  const header = CHANGE_KINDS.map((kind) => KIND_LABELS[kind]);
  const unchanged = report.pairs.filter((pair) => pair.kinds[0] === 'unchanged');
  const lines = [
    `# ${escape(headline(report))}`,
    '',
    `- 旧：${escape(sideLabel(report.old))}`,
    `- 新：${escape(sideLabel(report.new))}`,
    `- 相似度阈值：${report.threshold}`,
    '',
    '## 统计',
    '',
    tableRow(header),
    tableRow(header.map(() => '---:')),
    tableRow(countCells(report.counts)),
    '',
    '## 按章节',
    '',
    tableRow(['年份', '章节', ...header]),
    tableRow(['---', '---', ...header.map(() => '---:')]),
    ...report.sections.map((section) =>
      tableRow([sectionYear(section), escape(sectionLabel(section.title)), ...countCells(section.counts)]),
    ),
    '',
    '## 变化',
    '',
    ...report.pairs.filter((pair) => pair.kinds[0] !== 'unchanged').flatMap(pairItem),
  ];
  if (unchanged.length > 0) {
    lines.push('', '## 未变', '', ...unchanged.map((pair) => `- ${escape(pairIds(pair))} ${escape(shownTask(pair).title ?? shownTask(pair).text)}`));
  }
  return `${lines.join('\n')}\n`;
}
