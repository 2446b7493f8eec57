import { Chalk, type ChalkInstance } from 'chalk';
import type { Ledger, Role, Task } from '../model.js';
import { describeWarning, ledgerTitle, ROLES, unitNames } from './fields.js';
import type { ExportOptions } from './types.js';

const ROLE_LABELS: Record<Role, string> = { lead: '牵头', responsible: '负责', support: '配合' };
const INDENT = '  ';
// Below this a summary says too little to be worth shortening to.
const MIN_SUMMARY_WIDTH = 20;

// East Asian wide and full-width characters take two terminal columns.
const WIDE_CHARACTER =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

function columnsOf(character: string): number {
  return WIDE_CHARACTER.test(character) ? 2 : 1;
}

function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += columnsOf(character);
  return width;
}

/** Cuts the text to fit the given columns, marking the cut with …. */
function shorten(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let kept = '';
  let width = 0;
  for (const character of text) {
    width += columnsOf(character);
    if (width > columns - 1) break;
    kept += character;
  }
  return `${kept}…`;
}

/** The task's heading, or else its first sentence. */
function summary(task: Task): string {
  if (task.title !== null) return task.title;
  const end = task.text.search(/[。！？\n]/);
  return end > 0 ? task.text.slice(0, end) : task.text;
}

function commonPrefixLength(a: readonly string[], b: readonly string[]): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

function taskLines(task: Task, paint: ChalkInstance, width: number): string[] {
  const indent = INDENT.repeat(task.path.length);
  const head = `${indent}${task.id}  `;
  const summaryWidth = Math.max(MIN_SUMMARY_WIDTH, width - displayWidth(head));
  const lines = [`${indent}${paint.yellow(task.id)}  ${shorten(summary(task), summaryWidth)}`];
  // Details line up under the summary.
  const detailIndent = ' '.repeat(displayWidth(head));
  const unitGroups = ROLES.flatMap((role) => {
    const names = unitNames(task, role);
    return names.length === 0 ? [] : [`${paint.dim(ROLE_LABELS[role])} ${names.join('、')}`];
  });
  if (unitGroups.length > 0) lines.push(detailIndent + unitGroups.join('  '));
  if (task.deadlines.length > 0) {
    const deadlines = task.deadlines.map((deadline) =>
      deadline.date === null ? deadline.text : `${deadline.text}（${deadline.date}）`,
    );
    lines.push(`${detailIndent}${paint.dim('时限')} ${paint.magenta(deadlines.join('；'))}`);
  }
  return lines;
}

/** A readable outline of the ledger: meta, sections as nested headings, tasks, then warnings. */
export function toTerminal(ledger: Ledger, { colorLevel = 0, width = 80 }: ExportOptions): string {
  const paint = new Chalk({ level: colorLevel });
  const { meta, tasks, warnings } = ledger;
  const facts = [meta.issuer, meta.docNumber, meta.date].filter((fact): fact is string => fact !== null);
  const lines = [paint.bold(ledgerTitle(ledger))];
  if (facts.length > 0) lines.push(facts.join(' · '));
  lines.push(paint.dim(`${ledger.source.name} · ${tasks.length} 项任务`));

  let openPath: readonly string[] | null = null;
  for (const task of tasks) {
    const shared = openPath === null ? 0 : commonPrefixLength(openPath, task.path);
    // A blank line sets off the first task and every change of section.
    if (openPath === null || shared < openPath.length || shared < task.path.length) {
      lines.push('');
      task.path.slice(shared).forEach((title, index) => {
        const depth = shared + index;
        const style = depth === 0 ? paint.bold.cyan : paint.bold;
        lines.push(INDENT.repeat(depth) + style(title));
      });
    }
    openPath = task.path;
    lines.push(...taskLines(task, paint, width));
  }

  if (warnings.length > 0) {
    lines.push('', paint.yellow(`警告 ${warnings.length}`));
    lines.push(...warnings.map((warning) => INDENT + describeWarning(warning, 'zh')));
  }
  return `${lines.join('\n')}\n`;
}
