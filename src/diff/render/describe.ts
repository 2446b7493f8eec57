// What every report format says about a pair, in the words of the ledgers' readers.
import type { Deadline, Role, Task } from '../../model.js';
import { textEdits, type TextEdit } from '../edits.js';
import { normaliseSpacing } from '../text.js';
import type { ChangeKind, DiffReport, DiffSide, TaskPair, UnitChange } from '../types.js';

export const KIND_LABELS: Record<ChangeKind, string> = {
  added: '新增',
  removed: '删除',
  changed: '修改',
  unchanged: '未变',
  moved: '移动',
  units: '单位',
  deadlines: '时限',
};

export const ROLE_LABELS: Record<Role, string> = { lead: '牵头', responsible: '负责', support: '配合' };

export const NO_SECTION = '（无章节）';
const NONE = '无';

export function sectionLabel(title: string): string {
  return title === '' ? NO_SECTION : title;
}

export function sideLabel(side: DiffSide): string {
  return `${side.title} · ${side.name} · ${side.tasks} 项`;
}

export function headline(report: DiffReport): string {
  return `台账对比：${report.old.title} → ${report.new.title}`;
}

/** `1.2.6 → 1.4`; a missing side is a dash. */
export function pairIds(pair: TaskPair): string {
  return `${pair.old?.id ?? '—'} → ${pair.new?.id ?? '—'}`;
}

export function similarityLabel(pair: TaskPair): string {
  return `相似度 ${pair.similarity.toFixed(2)}`;
}

function pathLabel(task: Task): string {
  return task.path.length === 0 ? NO_SECTION : task.path.join(' › ');
}

/** Where a moved task went: the two section paths, or that its order changed. */
export function describeMove(pair: TaskPair): string | undefined {
  if (pair.move === undefined) return undefined;
  if (pair.move === 'order') return '顺序调整';
  return `${pathLabel(pair.old!)} → ${pathLabel(pair.new!)}`;
}

export function describeUnitChange(change: UnitChange): string {
  const role = ROLE_LABELS[change.role];
  switch (change.change) {
    case 'added':
      return `${role} +${change.name}`;
    case 'dropped':
      return `${role} −${change.name}`;
    case 'renamed':
      return `${role} ${change.from} → ${change.name}（更名）`;
  }
}

function deadlineList(deadlines: readonly Deadline[]): string {
  return deadlines.length === 0 ? NONE : deadlines.map((deadline) => deadline.text).join('；');
}

export function describeDeadlines(pair: TaskPair): string | undefined {
  if (pair.deadlines === undefined) return undefined;
  return `${deadlineList(pair.deadlines.old)} → ${deadlineList(pair.deadlines.new)}`;
}

/** The lines of detail under a pair's text: move, units, deadlines, each with its label. */
export function detailLines(pair: TaskPair): { kind: ChangeKind; text: string }[] {
  const move = describeMove(pair);
  const deadlines = describeDeadlines(pair);
  return [
    ...(move === undefined ? [] : [{ kind: 'moved' as const, text: move }]),
    ...(pair.units === undefined ? [] : [{ kind: 'units' as const, text: pair.units.map(describeUnitChange).join('；') }]),
    ...(deadlines === undefined ? [] : [{ kind: 'deadlines' as const, text: deadlines }]),
  ];
}

/** The pair's text as edits: a whole deletion or insertion for a task on one side only. */
export function pairEdits(pair: TaskPair): TextEdit[] {
  if (pair.old === null) return [{ op: 'ins', text: normaliseSpacing(pair.new!.text) }];
  if (pair.new === null) return [{ op: 'del', text: normaliseSpacing(pair.old.text) }];
  return textEdits(pair.old.text, pair.new.text);
}
