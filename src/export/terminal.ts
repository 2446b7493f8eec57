import { Chalk, type ChalkInstance } from 'chalk';
import type { Ledger, Task } from '../model.js';
import { ledgerTitle, ROLE_LABELS, ROLES, unitNames } from './fields.js';
import { warningText } from '../i18n/index.js';
import type { ExportOptions, LedgerOf } from './types.js';
import { displayWidth, shorten } from './width.js';

const INDENT = '  ';
// Below this a summary says too little to be worth shortening to.
const MIN_SUMMARY_WIDTH = 20;

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

/** A tag column between each task's id and its summary, padded to the widest tag. */
interface TagColumn<T extends Task> {
  of: (task: T) => string;
  width: number;
}

function taskLines<T extends Task>(task: T, paint: ChalkInstance, width: number, tags?: TagColumn<T>): string[] {
  const indent = INDENT.repeat(task.path.length);
  const tag = tags === undefined ? '' : tags.of(task);
  const padding = tags === undefined ? '' : `${' '.repeat(tags.width - displayWidth(tag))}  `;
  const head = `${indent}${task.id}  ${tag}${padding}`;
  const summaryWidth = Math.max(MIN_SUMMARY_WIDTH, width - displayWidth(head));
  const lines = [`${indent}${paint.yellow(task.id)}  ${paint.green(tag)}${padding}${shorten(summary(task), summaryWidth)}`];
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

/** What a view of a ledger adds to its outline. */
export interface OutlineExtras<T extends Task> {
  /** Lines under the title and the facts of the notice. */
  headerLines?: (paint: ChalkInstance) => string[];
  /** A short label shown before each task's summary, such as its role. */
  tag?: (task: T) => string;
}

/** A readable outline of the ledger: meta, sections as nested headings, tasks, then warnings. */
export function toTerminal(ledger: Ledger, options: ExportOptions): string {
  return outlineOf(ledger, options);
}

export function outlineOf<T extends Task>(
  ledger: LedgerOf<T>,
  { colorLevel = 0, width = 80 }: ExportOptions,
  { headerLines, tag }: OutlineExtras<T> = {},
): string {
  const paint = new Chalk({ level: colorLevel });
  const { meta, tasks, warnings } = ledger;
  const facts = [meta.issuer, meta.docNumber, meta.date].filter((fact): fact is string => fact !== null);
  const lines = [paint.bold(ledgerTitle(ledger))];
  if (facts.length > 0) lines.push(facts.join(' · '));
  lines.push(paint.dim(`${ledger.source.name} · ${tasks.length} 项任务`));
  if (headerLines !== undefined) lines.push(...headerLines(paint));
  const tags = tag === undefined ? undefined : { of: tag, width: Math.max(0, ...tasks.map((task) => displayWidth(tag(task)))) };

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
    lines.push(...taskLines(task, paint, width, tags));
  }

  if (warnings.length > 0) {
    lines.push('', paint.yellow(`警告 ${warnings.length}`));
    for (const warning of warnings) lines.push(INDENT + warningText(warning, 'zh'));
  }
  return `${lines.join('\n')}\n`;
}
