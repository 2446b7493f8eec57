import { Chalk, type ChalkInstance, type ColorSupportLevel } from 'chalk';
import type { TextEdit } from '../edits.js';
import { CHANGE_KINDS, type ChangeKind, type DiffReport, type KindCounts, type TaskPair } from '../types.js';
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
  similarityLabel,
} from './describe.js';

const INDENT = '  ';

function kindPainter(paint: ChalkInstance): Record<ChangeKind, ChalkInstance> {
  return {
    added: paint.green,
    removed: paint.red,
    changed: paint.yellow,
    unchanged: paint.dim,
    moved: paint.cyan,
    units: paint.magenta,
    deadlines: paint.blue,
    split: paint.green,
    merged: paint.red,
  };
}

/** `新增 3  修改 1`: the kinds counted, all of them or only those that happened. */
function countsLine(counts: KindCounts, paintKind: Record<ChangeKind, ChalkInstance>, { all }: { all: boolean }): string {
  return CHANGE_KINDS.filter((kind) => all || counts[kind] > 0)
    .map((kind) => paintKind[kind](`${KIND_LABELS[kind]} ${counts[kind]}`))
    .join('  ');
}

/** The edits inline: in colour when there is colour, else marked the way wdiff marks them. */
function inlineEdits(edits: readonly TextEdit[], paint: ChalkInstance): string {
  const plain = paint.level === 0;
  return edits
    .map(({ op, text }) => {
      if (op === 'same') return text;
      if (op === 'del') return plain ? `[-${text}-]` : paint.red.strikethrough(text);
      return plain ? `{+${text}+}` : paint.green.underline(text);
    })
    .join('');
}

/** The new text with its edits marked when it changed, else the text as it stands. */
function textLine(pair: TaskPair, paint: ChalkInstance): string {
  const edits = pairEdits(pair);
  return edits === undefined ? displayText(shownTask(pair)) : inlineEdits(edits, paint);
}

function pairLines(pair: TaskPair, paint: ChalkInstance, paintKind: Record<ChangeKind, ChalkInstance>): string[] {
  const kinds = pair.kinds.map((kind) => paintKind[kind](KIND_LABELS[kind])).join(' ');
  const similarity = pair.old !== null && pair.new !== null ? `  ${paint.dim(similarityLabel(pair))}` : '';
  return [
    `${paint.bold(pairIds(pair))}  ${kinds}${similarity}`,
    INDENT + textLine(pair, paint),
    ...detailLines(pair).map(({ kind, text }) => `${INDENT}${paintKind[kind](KIND_LABELS[kind])}  ${text}`),
  ];
}

/** The report for reading on screen: counts first, then each task that changed. */
export function diffToTerminal(report: DiffReport, { colorLevel = 0 }: { colorLevel?: ColorSupportLevel } = {}): string {
  const paint = new Chalk({ level: colorLevel });
  const paintKind = kindPainter(paint);
  const lines = [
    paint.bold(headline(report)),
    `${paint.dim('旧')}  ${sideLabel(report.old)}`,
    `${paint.dim('新')}  ${sideLabel(report.new)}`,
    paint.dim(`相似度阈值 ${report.threshold}`),
    '',
    countsLine(report.counts, paintKind, { all: true }),
    '',
    paint.bold('按章节'),
    ...report.sections.map(
      (section) =>
        `${INDENT}${paint.dim(sectionYear(section))} ${sectionLabel(section.title)}  ${countsLine(section.counts, paintKind, { all: false })}`,
    ),
  ];
  for (const pair of report.pairs) {
    if (pair.kinds[0] === 'unchanged') continue;
    lines.push('', ...pairLines(pair, paint, paintKind));
  }
  if (report.counts.unchanged > 0) lines.push('', paint.dim(`另有未变 ${report.counts.unchanged} 项，未列出`));
  return `${lines.join('\n')}\n`;
}
