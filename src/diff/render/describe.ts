// What every report format says about a pair, in the words of the ledgers' readers.
import { ROLE_LABELS } from '../../export/fields.js';
import type { Deadline, Role, Task } from '../../model.js';
import { textEdits, type TextEdit } from '../edits.js';
import { SIGNALS, type Signal } from '../signals.js';
import { collapseSpace } from '../text.js';
import type { ChangeKind, DiffReport, DiffSide, SectionCounts, TaskPair, UnitChange } from '../types.js';

export const KIND_LABELS: Record<ChangeKind, string> = {
  added: '新增',
  removed: '删除',
  changed: '修改',
  unchanged: '未变',
  moved: '移动',
  units: '单位',
  deadlines: '时限',
  split: '拆分',
  merged: '合并',
};

const NO_SECTION = '（无章节）';
const NONE = '无';

export function sectionLabel(title: string): string {
  return title === '' ? NO_SECTION : title;
}

/** Which year's notice a section is of: `2022年`, or 新/旧 when the notice has no year. */
export function sectionYear(section: Pick<SectionCounts, 'side' | 'year'>): string {
  return section.year !== null ? `${section.year}年` : section.side === 'new' ? '新' : '旧';
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

/** A similarity or signal as a number to store: three decimals tell tasks apart; more would be noise from the float arithmetic. */
export function rounded(similarity: number): number {
  return Math.round(similarity * 1000) / 1000;
}

export function similarityLabel(pair: TaskPair): string {
  return `相似度 ${pair.similarity.toFixed(2)}`;
}

const SIGNAL_LABELS: Record<Signal, string> = {
  terms: '关键词',
  bigrams: '字面',
  title: '标题',
  section: '章节',
  units: '单位',
  position: '位置',
};

/** `关键词 0.62 · 字面 0.45 · 单位 1.00 …`: why two tasks were paired. */
export function signalsLabel(pair: TaskPair): string {
  const signals = pair.signals ?? {};
  return SIGNALS.flatMap((signal) => (signals[signal] === undefined ? [] : [`${SIGNAL_LABELS[signal]} ${signals[signal].toFixed(2)}`])).join(' · ');
}

function pathLabel(task: Task): string {
  return task.path.length === 0 ? NO_SECTION : task.path.join(' › ');
}

/** Where a moved task went: from one section to another, or from one place in the order to another. */
function describeMove(pair: TaskPair): string | undefined {
  // A moved task is paired: it has both.
  if (pair.move === undefined || pair.old === null || pair.new === null) return undefined;
  if (pair.move === 'order') return `顺序调整：第${pair.old.seq}项 → 第${pair.new.seq}项`;
  return `${pathLabel(pair.old)} → ${pathLabel(pair.new)}`;
}

function describeUnitChange(change: UnitChange): string {
  switch (change.change) {
    case 'added':
      return `+${change.name}`;
    case 'dropped':
      return `−${change.name}`;
    case 'renamed':
      return `${change.from} → ${change.name}（更名）`;
  }
}

/** `牵头 −区财政局 +区行政审批局；配合 …`: the changes role by role. */
function describeUnitChanges(changes: readonly UnitChange[]): string {
  const byRole = new Map<Role, string[]>();
  for (const change of changes) byRole.set(change.role, [...(byRole.get(change.role) ?? []), describeUnitChange(change)]);
  return [...byRole].map(([role, described]) => `${ROLE_LABELS[role]} ${described.join(' ')}`).join('；');
}

function deadlineList(deadlines: readonly Deadline[]): string {
  return deadlines.length === 0 ? NONE : deadlines.map((deadline) => deadline.text).join('；');
}

function describeDeadlines(pair: TaskPair): string | undefined {
  if (pair.deadlines === undefined) return undefined;
  return `${deadlineList(pair.deadlines.old)} → ${deadlineList(pair.deadlines.new)}`;
}

/** `最相近：4.9（0.18）`, `拆自 2.1.14`, `并入 1.1.3`: where an unpaired task's nearest counterpart is. */
function describeCounterpart(pair: TaskPair): { kind: ChangeKind; text: string } | undefined {
  if (pair.nearest !== undefined) {
    return { kind: 'removed', text: `最相近：${pair.nearest.task.id}（${pair.nearest.similarity.toFixed(2)}）` };
  }
  if (pair.kinds[0] === 'split' && pair.old !== null) return { kind: 'split', text: `拆自 ${pair.old.id}（${pair.similarity.toFixed(2)}）` };
  if (pair.kinds[0] === 'merged' && pair.new !== null) return { kind: 'merged', text: `并入 ${pair.new.id}（${pair.similarity.toFixed(2)}）` };
  return undefined;
}

/** The task whose text a pair shows when it shows one text: the merged old task, else the new one. */
export function shownTask(pair: TaskPair): Task {
  const task = pair.kinds[0] === 'merged' ? pair.old : (pair.new ?? pair.old);
  if (task === null) throw new Error('a pair of no task');
  return task;
}

/** The lines of detail under a pair's text: counterpart, move, units, deadlines, each with its label. */
export function detailLines(pair: TaskPair): { kind: ChangeKind; text: string }[] {
  const counterpart = describeCounterpart(pair);
  const move = describeMove(pair);
  const deadlines = describeDeadlines(pair);
  return [
    ...(counterpart === undefined ? [] : [counterpart]),
    ...(move === undefined ? [] : [{ kind: 'moved' as const, text: move }]),
    ...(pair.units === undefined ? [] : [{ kind: 'units' as const, text: describeUnitChanges(pair.units) }]),
    ...(deadlines === undefined ? [] : [{ kind: 'deadlines' as const, text: deadlines }]),
  ];
}

/** A task's text on one line. */
export function displayText(task: Task): string {
  return collapseSpace(task.text);
}

/** The character edits from the old text to the new one, for a pair whose text changed. */
export function pairEdits(pair: TaskPair): TextEdit[] | undefined {
  // A changed pair has both tasks.
  return pair.kinds.includes('changed') && pair.old !== null && pair.new !== null ? textEdits(pair.old.text, pair.new.text) : undefined;
}
