// The report as an Excel workbook, in the sheets and print setup of the 台账's (src/export/xlsx.ts).
import type { CellValue, Column } from '../../export/columns.js';
import { fieldSheet, SHEET_NAMES, SOURCE_LABELS, tableSheet, workbookBytes } from '../../export/xlsx.js';
import { CHANGE_KINDS, type ChangeKind, type DiffReport, type DiffSide, type KindCounts, type TaskPair } from '../types.js';
import { detailLines, displayText, KIND_LABELS, rounded, sectionLabel, sectionYear } from './describe.js';

// The diff command has no --header: its reports are in Chinese, as its other formats are.
const LANGUAGE = 'zh';
const SHEETS = { pairs: '对比', sections: '按章节' };

/** The detail lines of the given kinds, one per line of the cell. */
function details(pair: TaskPair, kinds: readonly ChangeKind[]): string {
  return detailLines(pair)
    .filter((line) => kinds.includes(line.kind))
    .map((line) => line.text)
    .join('\n');
}

const PAIR_COLUMNS: readonly Column<TaskPair>[] = [
  { key: 'kinds', zh: '变化', cell: (pair) => pair.kinds.map((kind) => KIND_LABELS[kind]).join('、') },
  { key: 'old', zh: '旧编号', cell: (pair) => pair.old?.id ?? '' },
  { key: 'oldText', zh: '旧任务', cell: (pair) => (pair.old === null ? '' : displayText(pair.old)) },
  { key: 'new', zh: '新编号', cell: (pair) => pair.new?.id ?? '' },
  { key: 'newText', zh: '新任务', cell: (pair) => (pair.new === null ? '' : displayText(pair.new)) },
  {
    key: 'similarity',
    zh: '相似度',
    cell: (pair) => pair.similarity.toFixed(2),
    // An added or removed task has no similarity to show, only its nearest counterpart's (说明).
    value: (pair) => (pair.old !== null && pair.new !== null ? rounded(pair.similarity) : null),
  },
  { key: 'units', zh: '单位变化', cell: (pair) => details(pair, ['units']) },
  { key: 'deadlines', zh: '时限变化', cell: (pair) => details(pair, ['deadlines']) },
  // The nearest task of a removed one, the task a split or merged one belongs to, where a moved one went.
  { key: 'notes', zh: '说明', cell: (pair) => details(pair, ['removed', 'split', 'merged', 'moved']) },
];

interface CountRow {
  year: string;
  section: string;
  counts: KindCounts;
}

const COUNT_COLUMNS: readonly Column<CountRow>[] = [
  { key: 'year', zh: '年份', cell: (row) => row.year },
  { key: 'section', zh: '章节', cell: (row) => row.section },
  ...CHANGE_KINDS.map((kind): Column<CountRow> => ({ key: kind, zh: KIND_LABELS[kind], cell: (row) => String(row.counts[kind]), value: (row) => row.counts[kind] })),
];

/** The counts per section, then the whole report's. */
function countRows(report: DiffReport): CountRow[] {
  return [
    ...report.sections.map((section) => ({ year: sectionYear(section), section: sectionLabel(section.title), counts: section.counts })),
    { year: '', section: '合计', counts: report.counts },
  ];
}

/** Both notices, old first, as the 来源 sheet of the 台账 labels them. */
function sourceFields(report: DiffReport): [string, CellValue][] {
  const labels = SOURCE_LABELS[LANGUAGE];
  const side = (prefix: string, { title, name, year, tasks }: DiffSide): [string, CellValue][] => [
    [`${prefix}${labels.title}`, title],
    [`${prefix}${labels.year}`, year],
    [`${prefix}${labels.file}`, name],
    [`${prefix}${labels.tasks}`, tasks],
  ];
  return [...side('旧·', report.old), ...side('新·', report.new), ['相似度阈值', report.threshold]];
}

/** The workbook: a row per pair (对比), the counts per section (按章节), and the two notices (来源). */
export function diffToXlsx(report: DiffReport): Promise<Uint8Array> {
  return workbookBytes([
    tableSheet(SHEETS.pairs, report.pairs, PAIR_COLUMNS, LANGUAGE),
    tableSheet(SHEETS.sections, countRows(report), COUNT_COLUMNS, LANGUAGE),
    fieldSheet(SHEET_NAMES.source[LANGUAGE], sourceFields(report), LANGUAGE),
  ]);
}
