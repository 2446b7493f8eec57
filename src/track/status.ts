// `status`: the roll-up per unit and per top-level section, and each task's latest progress and
// traffic light.
import { Chalk, type ColorSupportLevel } from 'chalk';
import { tableRow } from '../export/md.js';
import type { AliasTable } from '../unit-names/aliases.js';
import { padEnd, padStart, shorten } from '../export/width.js';
import type { StatusFormat } from './formats.js';
import type { Status } from './schema.js';
import { type Entry, type Light, lightOf, statusOf, type TaskState, type Tracking, tasksByUnit, type UnitTasks } from './state.js';

export interface Counts {
  tasks: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  /** done / tasks, to three decimals. */
  rate: number;
}

export interface TaskStatus {
  plan: string;
  id: string;
  section: string;
  text: string;
  units: string[];
  deadline: string | null;
  status: Status;
  light: Light;
  latest: Pick<Entry, 'date' | 'unit' | 'status' | 'text'> | null;
}

export interface StatusReport {
  asOf: string;
  within: number;
  units: ({ unit: string } & Counts)[];
  sections: ({ plan: string; section: string } & Counts)[];
  tasks: TaskStatus[];
}

function countsOf(states: readonly TaskState[], tracking: Tracking, unit?: string): Counts {
  const counts: Counts = { tasks: states.length, done: 0, inProgress: 0, notStarted: 0, overdue: 0, rate: 0 };
  for (const state of states) {
    const status = statusOf(state, unit);
    if (status === '已完成') counts.done++;
    else if (status === '未启动') counts.notStarted++;
    else counts.inProgress++;
    if (lightOf(status, state.deadline, tracking) === '红') counts.overdue++;
  }
  counts.rate = states.length === 0 ? 0 : Math.round((counts.done / states.length) * 1000) / 1000;
  return counts;
}

/** The roll-up of every unit, or of the one unit asked for (its own status counts then). */
export function statusReport(tracking: Tracking, own: UnitTasks | null, table: AliasTable): StatusReport {
  const units = own === null ? tasksByUnit(tracking, table) : [own];
  const states = own?.tasks ?? tracking.tasks;
  const sections = new Map<string, { plan: string; section: string; states: TaskState[] }>();
  for (const state of states) {
    const section = state.task.path[0] ?? '';
    const key = JSON.stringify([state.plan.id, section]);
    const entry = sections.get(key) ?? { plan: state.plan.name, section, states: [] };
    if (entry.states.length === 0) sections.set(key, entry);
    entry.states.push(state);
  }
  return {
    asOf: tracking.asOf,
    within: tracking.within,
    units: units.map(({ unit, tasks }) => ({ unit, ...countsOf(tasks, tracking, unit) })),
    sections: [...sections.values()].map(({ plan, section, states: list }) => ({ plan, section, ...countsOf(list, tracking, own?.unit) })),
    tasks: states.map((state) => {
      const status = statusOf(state, own?.unit);
      const latest = (own === null ? undefined : state.entries.get(own.unit)) ?? state.latest;
      return {
        plan: state.plan.name,
        id: state.task.id,
        section: state.task.path[0] ?? '',
        text: state.task.text,
        units: [...new Set(state.task.canonical)],
        deadline: state.deadline,
        status,
        light: lightOf(status, state.deadline, tracking),
        latest: latest === null ? null : { date: latest.date, unit: latest.unit, status: latest.status, text: latest.text },
      };
    }),
  };
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const COUNT_HEADERS = ['任务', '已完成', '推进中', '未启动', '逾期', '完成率'];
const countCells = (counts: Counts) => [counts.tasks, counts.done, counts.inProgress, counts.notStarted, counts.overdue, percent(counts.rate)];

function terminalOf(report: StatusReport, colorLevel: ColorSupportLevel): string {
  const paint = new Chalk({ level: colorLevel });
  const width = Math.max(8, ...report.units.map((unit) => [...unit.unit].length * 2)) + 2;
  const lines = [`截至 ${report.asOf}（${report.within} 天内到期为黄）`, '', padEnd('单位', width) + COUNT_HEADERS.map((header) => padStart(header, 8)).join('')];
  for (const unit of report.units) {
    const cells = countCells(unit).map((cell) => padStart(String(cell), 8));
    lines.push(padEnd(unit.unit, width) + cells.join('') + (unit.overdue > 0 ? paint.red(' 红') : ''));
  }
  const paintLight: Record<Light, (text: string) => string> = { 红: paint.red, 黄: paint.yellow, 绿: paint.green };
  lines.push('');
  for (const task of report.tasks) {
    const latest = task.latest === null ? '' : `  ${task.latest.date} ${task.latest.unit}：${shorten(task.latest.text, 30)}`;
    lines.push(`${paintLight[task.light](task.light)} ${task.status}  ${task.id}  ${shorten(task.text, 40)}${latest}`);
  }
  return `${lines.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

function markdownOf(report: StatusReport): string {
  const rule = (n: number) => tableRow(Array.from({ length: n }, () => '---'));
  const lines = [`# 工作台账进展（截至 ${report.asOf}）`, '', '## 按单位', '', tableRow(['单位', ...COUNT_HEADERS]), rule(7)];
  for (const unit of report.units) lines.push(tableRow([cell(unit.unit), ...countCells(unit)]));
  lines.push('', '## 按板块', '', tableRow(['计划', '板块', ...COUNT_HEADERS]), rule(8));
  for (const section of report.sections) lines.push(tableRow([cell(section.plan), cell(section.section), ...countCells(section)]));
  lines.push('', '## 任务', '', tableRow(['灯', '计划', '编号', '工作任务', '完成时限', '完成情况', '最新进展']), rule(7));
  for (const task of report.tasks) {
    const latest = task.latest === null ? '' : `${task.latest.date} ${task.latest.unit}：${task.latest.text}`;
    lines.push(tableRow([task.light, cell(task.plan), task.id, cell(task.text), task.deadline ?? '', task.status, cell(latest)]));
  }
  return `${lines.join('\n')}\n`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const html = (text: string) => text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);

// One file, no external assets and no script, like the diff report.
const STYLE = `
body { margin: 2rem; font: 15px/1.6 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.n { text-align: right; }
.bar { display: flex; width: 16rem; height: .9rem; background: #eaeef2; }
.bar span { display: block; height: 100%; }
.done { background: #1a7f37; } .doing { background: #d4a72c; } .late { background: #cf222e; }
.红 { color: #cf222e; } .黄 { color: #9a6700; } .绿 { color: #1a7f37; }`;

function barOf(counts: Counts): string {
  const share = (n: number) => (counts.tasks === 0 ? 0 : (n / counts.tasks) * 100).toFixed(1);
  const lateOpen = counts.overdue;
  const doing = Math.max(0, counts.inProgress + counts.notStarted - lateOpen);
  return `<div class="bar" title="已完成 ${counts.done}，进行中 ${doing}，逾期 ${lateOpen}"><span class="done" style="width:${share(counts.done)}%"></span><span class="doing" style="width:${share(doing)}%"></span><span class="late" style="width:${share(lateOpen)}%"></span></div>`;
}

function htmlOf(report: StatusReport): string {
  const numbers = (counts: Counts) => countCells(counts).map((value) => `<td class="n">${value}</td>`).join('');
  const head = (cells: string[]) => `<tr>${cells.map((text) => `<th>${text}</th>`).join('')}</tr>`;
  const units = report.units.map((unit) => `<tr><td>${html(unit.unit)}</td>${numbers(unit)}<td>${barOf(unit)}</td></tr>`);
  const sections = report.sections.map((section) => `<tr><td>${html(section.plan)}</td><td>${html(section.section)}</td>${numbers(section)}</tr>`);
  const tasks = report.tasks.map((task) => {
    const latest = task.latest === null ? '' : `${task.latest.date} ${html(task.latest.unit)}：${html(task.latest.text)}`;
    return `<tr><td class="${task.light}">●${task.light}</td><td>${html(task.plan)}</td><td>${html(task.id)}</td><td>${html(task.text)}</td><td>${task.deadline ?? ''}</td><td>${task.status}</td><td>${latest}</td></tr>`;
  });
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>工作台账进展（截至 ${report.asOf}）</title><style>${STYLE}</style></head>
<body><h1>工作台账进展（截至 ${report.asOf}）</h1>
<h2>按单位</h2><table>${head(['单位', ...COUNT_HEADERS, '进度'])}${units.join('\n')}</table>
<h2>按板块</h2><table>${head(['计划', '板块', ...COUNT_HEADERS])}${sections.join('\n')}</table>
<h2>任务</h2><table>${head(['灯', '计划', '编号', '工作任务', '完成时限', '完成情况', '最新进展'])}${tasks.join('\n')}</table>
</body></html>
`;
}

async function xlsxOf(report: StatusReport): Promise<Uint8Array> {
  const { workbookBytes } = await import('../export/xlsx.js');
  const counts = (item: Counts) => [item.tasks, item.done, item.inProgress, item.notStarted, item.overdue, item.rate];
  return workbookBytes([
    { name: '按单位', header: ['单位', ...COUNT_HEADERS], rows: report.units.map((unit) => [unit.unit, ...counts(unit)]) },
    { name: '按板块', header: ['计划', '板块', ...COUNT_HEADERS], rows: report.sections.map((section) => [section.plan, section.section, ...counts(section)]) },
    {
      name: '任务',
      header: ['灯', '计划', '编号', '工作任务', '完成时限', '完成情况', '最新进展'],
      rows: report.tasks.map((task) => [task.light, task.plan, task.id, task.text, task.deadline, task.status, task.latest === null ? null : `${task.latest.date} ${task.latest.unit}：${task.latest.text}`]),
    },
  ]);
}

/** The report in one format: text, or the bytes of a workbook. */
export async function renderStatus(report: StatusReport, format: StatusFormat, colorLevel: ColorSupportLevel = 0): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return markdownOf(report);
    case 'html':
      return htmlOf(report);
    case 'xlsx':
      return xlsxOf(report);
    case 'terminal':
      return terminalOf(report, colorLevel);
  }
}
