// Columns of a unit's ledger (the 台账 plus why each task is the unit's) and of the unit matrix.
import { type Column, FOLLOW_UP_COLUMNS, TASK_COLUMNS } from '../export/columns.js';
import { ROLE_LABELS } from '../export/fields.js';
import type { UnitKind } from '../unit-names/aliases.js';
import { type AskedUnit, type Match, type MatchedTask, matchesOf } from './unit-ledger.js';
import type { UnitRow } from './matrix.js';

/** A task several asked units carry lists each unit's match, in the order of --unit. */
const matchColumn = (key: string, zh: string, cell: (match: Match) => string): Column<MatchedTask> => ({
  key,
  zh,
  cell: (task) => matchesOf(task).map(cell).join('；'),
});

/** Shown after the 台账's own columns, before the ones left for follow-up. */
export const MATCH_COLUMNS: readonly Column<MatchedTask>[] = [
  matchColumn('unit', '本单位', (match) => match.unit),
  matchColumn('role', '角色', (match) => ROLE_LABELS[match.role]),
  // The group's name says both that the task is collective and whose it is.
  matchColumn('collective', '集体任务', (match) => (match.collective ? match.named : '')),
];

/** The 台账's columns, then why each task is the unit's, then the columns left for follow-up. */
export const UNIT_LEDGER_COLUMNS: readonly Column<MatchedTask>[] = [...TASK_COLUMNS, ...MATCH_COLUMNS, ...FOLLOW_UP_COLUMNS];

export const KIND_LABELS: Record<UnitKind, string> = {
  department: '部门',
  'own-government': '本级政府',
  government: '政府',
  group: '集体',
  other: '其他',
};

/** An asked unit with the notice's names it was found as, when they differ: 财政厅（省财政厅）. */
export function askedLabel({ name, found }: AskedUnit): string {
  const others = found.filter((other) => other !== name);
  return others.length === 0 ? name : `${name}（${others.join('、')}）`;
}

/** A unit as the notice names it, with today's name beside it when a reform replaced it. */
export function unitLabel(row: Pick<UnitRow, 'unit' | 'today'>): string {
  return row.today === null ? row.unit : `${row.unit}（现 ${row.today}）`;
}

const count = (key: 'lead' | 'responsible' | 'support' | 'total' | 'collective', zh: string): Column<UnitRow> => ({
  key,
  zh,
  cell: (row) => String(row[key]),
  value: (row) => row[key],
});

export const MATRIX_COLUMNS: readonly Column<UnitRow>[] = [
  { key: 'unit', zh: '单位', cell: (row) => row.unit },
  { key: 'kind', zh: '类别', cell: (row) => KIND_LABELS[row.kind] },
  count('lead', '牵头'),
  count('responsible', '负责'),
  count('support', '配合'),
  count('total', '合计'),
  count('collective', '集体任务'),
  { key: 'spellings', zh: '写法', cell: (row) => row.spellings.join('、') },
  { key: 'today', zh: '现名', cell: (row) => row.today ?? '' },
  { key: 'mayBeSame', zh: '可能同一单位', cell: (row) => row.mayBeSame.join('、') },
];
