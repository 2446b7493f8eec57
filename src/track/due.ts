// `due`: the tasks not done whose deadline has passed or falls within the window, by unit,
// overdue first.
import { Chalk, type ColorSupportLevel } from 'chalk';
import type { Column } from '../export/columns.js';
import { csvOf } from '../export/csv.js';
import { tableRow } from '../export/md.js';
import { shorten } from '../export/width.js';
import { daysBetween } from './dates.js';
import type { DueFormat } from './formats.js';
import type { Status } from './schema.js';
import { isOpen, statusOf, type TaskState, type Tracking, type UnitTasks } from './state.js';

export interface DueTask {
  plan: string;
  id: string;
  text: string;
  /** Canonical names of the task's units. */
  units: string[];
  deadline: string;
  status: Status;
  overdue: boolean;
  /** Days from the as-of date to the deadline: negative when overdue. */
  daysLeft: number;
}

export interface DueList {
  asOf: string;
  within: number;
  tasks: DueTask[];
  groups: { unit: string; tasks: DueTask[] }[];
}

function dueTask(state: TaskState, status: Status, asOf: string): DueTask {
  const deadline = state.deadline!;
  return {
    plan: state.plan.name,
    id: state.task.id,
    text: state.task.text,
    units: [...new Set(state.task.canonical)],
    deadline,
    status,
    overdue: deadline < asOf,
    daysLeft: daysBetween(asOf, deadline),
  };
}

/** The due tasks of every unit, or of the one unit asked for (its own status counts then). */
export function dueTasks(tracking: Tracking, own: UnitTasks | null): DueList {
  const candidates = own?.tasks ?? tracking.tasks;
  const tasks = candidates
    .filter((state) => state.deadline !== null && state.deadline <= tracking.until && isOpen(statusOf(state, own?.unit)))
    .map((state) => dueTask(state, statusOf(state, own?.unit), tracking.asOf))
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
  const groups = new Map<string, DueTask[]>();
  for (const task of tasks) {
    for (const unit of own === null ? task.units : [own.unit]) {
      const list = groups.get(unit) ?? [];
      if (list.length === 0) groups.set(unit, list);
      list.push(task);
    }
  }
  return { asOf: tracking.asOf, within: tracking.within, tasks, groups: [...groups].map(([unit, list]) => ({ unit, tasks: list })) };
}

const when = (task: DueTask) => (task.overdue ? `逾期${-task.daysLeft}天` : task.daysLeft === 0 ? '今日到期' : `${task.daysLeft}天后到期`);

const CSV_COLUMNS: Column<DueTask>[] = [
  { key: 'plan', zh: '计划', cell: (task) => task.plan },
  { key: 'id', zh: '编号', cell: (task) => task.id },
  { key: 'text', zh: '工作任务', cell: (task) => task.text },
  { key: 'units', zh: '单位', cell: (task) => task.units.join('、') },
  { key: 'deadline', zh: '完成时限', cell: (task) => task.deadline },
  { key: 'status', zh: '完成情况', cell: (task) => task.status },
  { key: 'overdue', zh: '逾期', cell: (task) => String(task.overdue) },
  { key: 'daysLeft', zh: '剩余天数', cell: (task) => String(task.daysLeft) },
];

function terminalOf(list: DueList, colorLevel: ColorSupportLevel): string {
  const paint = new Chalk({ level: colorLevel });
  if (list.tasks.length === 0) return `截至 ${list.asOf}，${list.within} 天内无到期未完成任务。\n`;
  const lines = [`截至 ${list.asOf}：逾期 ${list.tasks.filter((task) => task.overdue).length} 项，${list.within} 天内到期 ${list.tasks.filter((task) => !task.overdue).length} 项`];
  for (const group of list.groups) {
    lines.push('', paint.bold(group.unit));
    for (const task of group.tasks) {
      const mark = task.overdue ? paint.red(`红 ${when(task)}`) : paint.yellow(`黄 ${when(task)}`);
      lines.push(`  ${mark}  ${task.deadline}  ${task.status}  ${task.id}  ${shorten(task.text, 60)}  〔${shorten(task.plan, 24)}〕`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function markdownOf(list: DueList): string {
  const lines = [`# 到期任务（截至 ${list.asOf}，${list.within} 天内）`];
  for (const group of list.groups) {
    lines.push('', `## ${group.unit}`, '', tableRow(['计划', '编号', '工作任务', '完成时限', '完成情况', '状态']), tableRow(['---', '---', '---', '---', '---', '---']));
    for (const task of group.tasks) {
      lines.push(tableRow([task.plan, task.id, task.text.replace(/\|/g, '\\|').replace(/\n/g, '<br>'), task.deadline, task.status, when(task)]));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The list as the text of one format; colour applies to the terminal only. */
export function renderDue(list: DueList, format: DueFormat, colorLevel: ColorSupportLevel = 0): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(list.tasks, null, 2)}\n`;
    case 'csv':
      return csvOf(list.tasks, CSV_COLUMNS, 'en');
    case 'md':
      return markdownOf(list);
    case 'terminal':
      return terminalOf(list, colorLevel);
  }
}
