import type { Deadline, LineFate, LineSource, Outline, OutlineNode, Role, Section, SourceLine, Task, Unit, Warning } from '../model.js';
import { CELL_PARAGRAPH, labelsLeaders, meaningOf } from '../vocabulary/columns.js';
import { deadlinesOfCell, findDeadlines, labelledLimit } from '../vocabulary/deadlines.js';
import { dedupeUnits, scanClauses, unitsOfClause, type UnitContext } from './unit-clauses.js';
import { BRACKET, clauseParts, FIRST_LEADS, isClauseLine } from '../vocabulary/units.js';
import { ADDRESSES_ALL } from '../outline/tail.js';
import { AIMS_HEADINGS } from '../vocabulary/sections.js';

const AIMS_WORD = `(?:${AIMS_HEADINGS.join('|')})`;
/**
 * An item that states aims by its heading: the words alone or joined (指导思想和基本原则), as its
 * line or leading its first sentence (工作目标：到年底…, 总体要求。坚持…).
 */
const AIMS = new RegExp(`^${AIMS_WORD}(?:[和与及、]${AIMS_WORD})*(?:[。：:；\\s]|$)`);
/** A heading sentence is short (§2.3). */
const TITLE_MAX = 40;

export interface TaskContext {
  planYear: number | null;
  units: Omit<UnitContext, 'defaultRole'>;
  /**
   * Where the lines of a page, Word file, PDF or sheet came from. Tasks point at input lines only
   * for text (contract: null for html/docx); elsewhere at their origin in the document.
   */
  lineSources: LineSource[] | undefined;
}

/** A run of text that becomes one task: its lines and the units its clause named. */
interface Segment {
  /** Its paragraphs' text, clauses cut out. */
  texts: string[];
  /** The input line its text starts on. */
  firstLine: number;
  units: Unit[];
  /** Limits from 时限 cells that stood as lines of their own, and from labels (完成时限：…). */
  cellDeadlines: string[];
  /** Limits its unit clauses wrote as text (（市财政局负责，2023年底前完成）). */
  clauseDeadlines: string[];
  closed: boolean;
  /** The input lines it came from, clause lines included. */
  sources: SourceLine[];
}

const newSegment = (): Segment => ({ texts: [], firstLine: 0, units: [], cellDeadlines: [], clauseDeadlines: [], closed: false, sources: [] });

/** Marks a heading may end in that are not part of it. */
const HEADING_END = /[。；：，\s]/;
function stripEnd(text: string): string {
  let end = text.length;
  while (end > 0 && HEADING_END.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}
const paragraphText = (text: string) => (text.includes(CELL_PARAGRAPH) ? text.split(CELL_PARAGRAPH).join('\n') : text);

/** The item's heading (§2.3): a short first sentence followed by more, or a heading line. */
export function titleOf(head: string, hasBody: boolean): string | null {
  const end = head.indexOf('。');
  if (end > 0 && end < head.length - 1) return end <= TITLE_MAX ? head.slice(0, end) : null;
  if (hasBody && stripEnd(head).length <= TITLE_MAX) return stripEnd(head);
  return null;
}

/** What the item is called in the path of the tasks under it. */
function headingOf(node: OutlineNode): string {
  return titleOf(node.head.text, node.body.length > 0) ?? stripEnd(node.head.text.replaceAll(CELL_PARAGRAPH, ''));
}

/** A parent is a task too when it says more than its heading (§2.2 rule 2). */
function hasOwnText(node: OutlineNode): boolean {
  if (node.body.length > 0 || node.cells) return true;
  const end = node.head.text.indexOf('。');
  return end > 0 && end < node.head.text.length - 1;
}

/** What may follow a clause's closing bracket at the end of a line. */
const CLOSING_STOP = /[。；\s]/;

/** Whether a line's last character, before a closing stop, is a closing bracket: where a clause ends it. */
function endsInBracket(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && CLOSING_STOP.test(text[end]!)) end--;
  return end >= 0 && BRACKET[text.charCodeAt(end)] === 2;
}
/** Whether a paragraph is set in brackets from its first character to its last. */
const inBrackets = (text: string) => BRACKET[text.charCodeAt(0)] === 1 && endsInBracket(text);

/** A paragraph that is a note on the plan, not work: 注：…, （说明：…）, 排在首位的为牵头单位. */
const NOTE_LINE = /^[（(]?(注|说明)\s*[：:]/;
const NOTE_MAX = 40;
const isNoteLine = (text: string) => NOTE_LINE.test(text) || (text.length <= NOTE_MAX && FIRST_LEADS.test(text));

/** Whether a line names units: a clause in it, a clause line, a table's unit cell. */
const namesUnits = (line: SourceLine) => line.column !== undefined || isClauseLine(line.text) || scanClauses(line.text).splits.some((s) => s.clause !== null);

/** Whether an item or one below it names units: work, even under a heading of aims (§2.2 rule 5). */
function assignsWork(node: OutlineNode): boolean {
  if (node.cells?.units.length || [node.head, ...node.body].some(namesUnits)) return true;
  return node.children.some(assignsWork);
}

/** A paragraph that is a unit clause and nothing else: 责任单位：X, （责任单位：X）. */
function clauseAlone(line: SourceLine): boolean {
  if (line.column !== undefined) return false;
  if (isClauseLine(line.text)) return true;
  // Only a paragraph in brackets can be a clause alone: most are not looked into.
  if (!inBrackets(line.text)) return false;
  const { splits } = scanClauses(line.text);
  return splits.length === 1 && splits[0]!.text === '' && splits[0]!.clause !== null;
}

/**
 * A heading's own unit clauses, which the items under it that name none take: a clause closing its
 * line (一、推进重点领域公开（市政府办公室牵头）), or clause lines that are all its body (责任单位：X).
 * Its title without the clause; null when the heading names no units so.
 */
function headingClauses(node: OutlineNode): { title: string; lines: SourceLine[] } | null {
  // A heading's clause closes its line: most headings end otherwise and are not looked into.
  if (node.body.length === 0 && !endsInBracket(node.head.text)) return null;
  const { splits } = scanClauses(node.head.text);
  const title = splits.length === 1 && splits[0]!.clause !== null ? stripEnd(splits[0]!.text) : '';
  // A heading, not a paragraph with a clause (that item is a task of its own, §2.2 rule 2).
  if (node.body.length === 0 && title && title.length <= TITLE_MAX && !title.includes('。')) {
    return { title, lines: [{ ...node.head, text: splits[0]!.clause! }] };
  }
  if (node.body.length > 0 && node.body.every(clauseAlone) && !splits.some((s) => s.clause !== null)) {
    return { title: headingOf({ ...node, body: [] }), lines: node.body };
  }
  return null;
}

/**
 * Units named once for a group (§3): a clause standing alone after a run of sibling items none of
 * which names units of its own is the clause of every item of the run. The run's items, each
 * with the line of the clause its last item holds.
 */
function groupClauses(siblings: OutlineNode[]): Map<OutlineNode, SourceLine> {
  const shared = new Map<OutlineNode, SourceLine>();
  // Most lists of items have no such clause: look for one before reading every item's units.
  if (!siblings.some((node) => node.body.length > 0 && clauseAlone(node.body.at(-1)!))) return shared;
  let run: OutlineNode[] = [];
  for (const node of siblings) {
    const last = node.body.at(-1);
    const own = [node.head, ...node.body.slice(0, -1)];
    if (node.children.length > 0 || node.cells?.units.length || own.some(namesUnits)) {
      run = [];
      continue;
    }
    if (last === undefined || !clauseAlone(last)) {
      if (last === undefined || !namesUnits(last)) run.push(node);
      else run = [];
      continue;
    }
    for (const member of run) shared.set(member, last);
    run = [];
  }
  return shared;
}

/** How long the list of a line's further tasks grows before it ends in …. */
const ALSO_MAX = 60;

/**
 * A line that holds several tasks (run together, or cut by its unit clauses) names the others after
 * its first; a task's notes come one after another, so a repeat is the last one named.
 */
function alsoHolds(fate: LineFate, id: string): void {
  const reason = fate.reason ?? 'also';
  if (reason.endsWith(` ${id}`) || reason.endsWith('…')) return;
  fate.reason = reason.length < ALSO_MAX ? `${reason} ${id}` : `${reason} …`;
}

class TaskCollector {
  readonly tasks: Task[] = [];
  readonly warnings: Warning[] = [];
  /** What became of each input line, by line number. */
  readonly fates = new Map<number, LineFate>();
  private readonly usedIds = new Set<string>();
  /** Items whose units a clause after their group names (groupClauses). */
  private readonly sharedClauses = new Map<OutlineNode, SourceLine>();
  private readonly nextSuffix = new Map<string, number>();

  /** The unit context for each role a clause's units take by default. */
  private readonly unitContexts: Record<Role, UnitContext>;

  constructor(private readonly context: TaskContext) {
    const withRole = (defaultRole: Role): UnitContext => ({ ...context.units, defaultRole });
    this.unitContexts = { lead: withRole('lead'), responsible: withRole('responsible'), support: withRole('support') };
  }

  /** `inherited`: the unit clauses of the headings above, for items that name no units of their own. */
  visit(node: OutlineNode, path: string[], sections: Section[], inherited: SourceLine[] = []): void {
    if (AIMS.test(node.head.text) && !assignsWork(node)) {
      this.notePreamble(node);
      return;
    }
    if (node.children.length === 0) {
      this.addItem(node, path, inherited);
      return;
    }
    const heading = headingOf(node);
    const section: Section = { id: node.ordinals.join('.'), marker: node.marker.text, title: heading, children: [] };
    const clauses = headingClauses(node);
    if (clauses === null && hasOwnText(node)) this.addItem(node, path);
    if (clauses !== null) {
      section.title = clauses.title;
      for (const line of node.body) this.note(line, 'heading', section.id);
    }
    this.note(node.head, 'heading', section.id);
    sections.push(section);
    this.visitAll(node.children, [...path, section.title], section.children, clauses?.lines ?? inherited);
  }

  /** Sibling items in order, a clause named once for a group of them shared first. */
  visitAll(nodes: OutlineNode[], path: string[], sections: Section[], inherited: SourceLine[] = []): void {
    for (const [node, clause] of groupClauses(nodes)) this.sharedClauses.set(node, clause);
    for (const node of nodes) this.visit(node, path, sections, inherited);
  }

  private addItem(node: OutlineNode, path: string[], inherited: SourceLine[] = []): void {
    // Under a header of lines (目标 / 任务 / 主要内容 / 责任单位) an item whose own line is not
    // followed by its unit cell is a 任务 cell, a heading: its rows are the paragraphs below it,
    // each closed by its unit cell.
    const firstCell = node.body.findIndex((line) => line.column?.kind === 'units');
    const rows = firstCell > 0 && !node.body[0]!.column;
    if (rows) this.note(node.head, 'heading', node.ordinals.join('.'));
    const segments = this.segmentsOf(rows ? node.body : [node.head, ...node.body]);
    if (rows) path = [...path, headingOf(node)];
    // Most items are no table row: no unit cells to read (flatMap over none still costs a call).
    const cellUnits = node.cells?.units.length ? node.cells.units.flatMap((cell) => this.readUnits(cell.text, cell.role ?? 'responsible')) : [];
    // A row's unit column names its units; a clause in its text (做好解读，市政府办负责) adds to them
    // and gives its role to the names both hold. Several clauses in one cell keep their own units.
    if (segments.length === 1) segments[0]!.units.push(...cellUnits.filter((unit) => !segments[0]!.units.some((named) => named.name === unit.name)));
    else for (const segment of segments) if (segment.units.length === 0) segment.units.push(...cellUnits);
    // Units named once for the group, else by the heading above (a clause on it, or its clause lines).
    const shared = this.sharedClauses.get(node);
    const clauses = shared ? [shared] : inherited;
    for (const segment of segments) if (segment.units.length === 0) for (const clause of clauses) this.closeWith(segment, clause.text, clause.line);
    const base = node.ordinals.join('.') + (node.repeat ? `-${node.repeat}` : '');
    segments.forEach((segment, i) => {
      if (i === 0 && node.cells) segment.cellDeadlines.push(...node.cells.deadlines);
      const title = i === 0 && !rows ? titleOf(segment.texts[0]!, segment.texts.length > 1) : null;
      const task = this.task(segment, i === 0 ? base : `${base}-${i + 1}`, path, title);
      if (i === 0 && node.cells) {
        task.deadlines = mergeDeadlines(task.deadlines, node.cells.notes.flatMap((note) => findDeadlines(note, this.context.planYear)));
        for (const line of node.cells.lines ?? []) this.note(line, 'task', task.id);
      }
    });
  }

  /** Records a line's fate; a row that heads a section and holds a task counts as the task. */
  note(source: SourceLine, fate: LineFate['fate'], id?: string, reason?: string): void {
    for (let line = source.line; line <= (source.lastLine ?? source.line); line++) {
      const known = this.fates.get(line);
      if (known?.fate === 'task' && fate === 'task' && id !== undefined && id !== known.id) alsoHolds(known, id);
      if (known && !(known.fate === 'heading' && fate === 'task')) continue;
      const entry: LineFate = { line, fate, text: line === source.line ? source.text : '' };
      const origin = this.context.lineSources?.[line - 1]?.origin;
      if (origin) entry.origin = origin;
      if (id !== undefined) entry.id = id;
      if (reason !== undefined) entry.reason = reason;
      this.fates.set(line, entry);
    }
  }

  /** An aims section and everything under it are preamble (§2.2 rule 5). */
  private notePreamble(node: OutlineNode): void {
    for (const line of [node.head, ...node.body]) this.note(line, 'preamble', undefined, 'aims section');
    for (const child of node.children) this.notePreamble(child);
  }

  /** Closing paragraphs after the last item: tasks with an empty path (§2.2 rule 6). */
  addClosing(lines: SourceLine[]): void {
    const groups: SourceLine[][] = [];
    for (const line of lines) {
      // A paragraph that addresses everyone starts a closing task of its own.
      if (groups.length === 0 || ADDRESSES_ALL.test(line.text)) groups.push([line]);
      else groups.at(-1)!.push(line);
    }
    let n = 0;
    for (const group of groups) {
      for (const segment of this.segmentsOf(group)) {
        n++;
        this.task(segment, n === 1 ? 'end' : `end-${n}`, [], null);
      }
    }
  }

  /**
   * Cuts an item's paragraphs into tasks: each unit clause closes a task; text after it in the
   * same paragraph, or a later paragraph with a clause of its own, starts the next (§2.2 rule 3).
   */
  private segmentsOf(paragraphs: SourceLine[]): Segment[] {
    const segments: Segment[] = [newSegment()];
    paragraphs.forEach((paragraph, k) => {
      const current = () => segments.at(-1)!;
      if (paragraph.column && current().texts.length > 0) {
        // A unit or time-limit cell of a table whose header stood as lines (§2.2 rule 4).
        if (paragraph.column.kind === 'units') this.closeWith(current(), paragraph.text, paragraph.line, paragraph.column.role);
        else current().cellDeadlines.push(paragraph.text);
        current().sources.push(paragraph);
        return;
      }
      if (isClauseLine(paragraph.text) && current().texts.length > 0) {
        this.closeWith(current(), paragraph.text, paragraph.line);
        current().sources.push(paragraph);
        return;
      }
      // A note (注：第一责任单位为牵头单位) says how to read the plan: no task's text.
      if (current().texts.length > 0 && isNoteLine(paragraph.text)) {
        this.note(paragraph, 'preamble', undefined, 'note');
        return;
      }
      // The leader who answers for the item (责任领导：县政府办主任) is the task's, but neither text nor a unit.
      if (current().texts.length > 0 && labelsLeaders(paragraph.text)) {
        current().sources.push(paragraph);
        return;
      }
      // A time limit on a line of its own after the item (完成时限：持续推进), as a 时限 cell.
      const limit = current().texts.length > 0 ? labelledLimit(paragraph.text) : null;
      if (limit !== null) {
        current().cellDeadlines.push(limit);
        current().sources.push(paragraph);
        return;
      }
      // A paragraph whose clause stands on the next line has a clause of its own.
      const next = paragraphs[k + 1];
      const clauseFollows = next !== undefined && (next.column?.kind === 'units' || isClauseLine(next.text));
      const { splits, unbalanced } = scanClauses(paragraph.text);
      if (unbalanced) {
        this.warnings.push({ code: 'unbalanced-brackets', message: 'the brackets in this line do not pair up', line: paragraph.line });
      }
      const hasClause = splits.some((s) => s.clause !== null);
      splits.forEach((split, i) => {
        if (split.text) {
          const startsNew = current().closed && (hasClause || clauseFollows || i > 0);
          if (startsNew) segments.push(newSegment());
          if (current().texts.length === 0) current().firstLine = paragraph.line;
          current().texts.push(split.text);
        }
        current().sources.push(paragraph);
        if (split.clause !== null) this.closeWith(current(), split.clause, paragraph.line);
      });
    });
    return segments.filter((s) => s.texts.length > 0);
  }

  /** A unit clause (or cell) closes the segment: its units, and the time limits it names. */
  private closeWith(segment: Segment, clause: string, line: number, role?: Role): void {
    const units = this.readUnits(clause, role ?? 'responsible');
    // A unit cell may be empty of units; a clause was taken for one because it names some.
    if (units.length === 0 && role === undefined) this.warnings.push({ code: 'unreadable-units', message: `no unit could be read in “${clause}”`, line });
    segment.units.push(...units);
    for (const limit of clauseParts(clause).limits) {
      // A limit the text's rules cannot read (2024年10月) is read as a 时限 cell.
      const asText = !limit.labelled && findDeadlines(limit.text, null).length > 0;
      (asText ? segment.clauseDeadlines : segment.cellDeadlines).push(limit.text);
    }
    segment.closed = true;
  }

  private readUnits(clause: string, defaultRole: Role): Unit[] {
    return unitsOfClause(clause, this.unitContexts[defaultRole]);
  }

  private task(segment: Segment, id: string, path: string[], title: string | null): Task {
    const text = segment.texts.map(paragraphText).join('\n');
    const task: Task = {
      id: this.uniqueId(id),
      seq: this.tasks.length + 1,
      path,
      title,
      text,
      units: dedupeUnits(segment.units),
      deadlines: mergeDeadlines(
        segment.cellDeadlines.length ? segment.cellDeadlines.flatMap((cell) => deadlinesOfCell(cell, this.context.planYear)) : [],
        findDeadlines(segment.clauseDeadlines.length ? [text, ...segment.clauseDeadlines].join('\n') : text, this.context.planYear),
      ),
      line: this.context.lineSources ? null : segment.firstLine,
    };
    const origin = this.context.lineSources?.[segment.firstLine - 1]?.origin;
    if (origin) task.origin = origin;
    this.tasks.push(task);
    for (const source of segment.sources) this.note(source, 'task', task.id);
    return task;
  }

  private uniqueId(id: string): string {
    if (!this.usedIds.has(id)) {
      this.usedIds.add(id);
      return id;
    }
    let unique = id;
    // Start from the last suffix this id was given, so thousands of repeats stay cheap.
    for (let n = this.nextSuffix.get(id) ?? 2; this.usedIds.has(unique); n++) {
      unique = `${id}-${n}`;
      this.nextSuffix.set(id, n + 1);
    }
    this.usedIds.add(unique);
    return unique;
  }
}

/** Numbering inside a long line that the inline splitter left, because it did not continue the list. */
const INLINE_NUMBERING = /[。；：]\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))/;
const LONG_LINE = 120;
const HEADER_WORD_MAX = 8;

/** Why a line that looks like work stayed in the preamble, for `--explain`. */
function preambleReason(text: string): string | null {
  if (text.length >= LONG_LINE && INLINE_NUMBERING.test(text)) return 'inline numbering not split';
  if (text.length <= HEADER_WORD_MAX && meaningOf(text) !== null) return 'not read as a table header';
  return null;
}

/** Limits from cells and from the text, each once. */
function mergeDeadlines(first: Deadline[], more: Deadline[]): Deadline[] {
  if (more.length === 0) return first;
  const seen = new Set(first.map((d) => d.date ?? d.text));
  return [...first, ...more.filter((d) => !seen.has(d.date ?? d.text))];
}

/** The outline's items → tasks and the section tree. */
export function tasksOf(
  outline: Outline,
  context: TaskContext,
): { tasks: Task[]; sections: Section[]; warnings: Warning[]; lines: LineFate[] } {
  const collector = new TaskCollector(context);
  const sections: Section[] = [];
  for (const line of outline.preamble) collector.note(line, 'preamble', undefined, preambleReason(line.text) ?? undefined);
  collector.visitAll(outline.roots, [], sections);
  collector.addClosing(outline.closing);
  for (const line of outline.file.dropped) collector.note(line, 'dropped', undefined, line.reason);
  const lines = [...collector.fates.values()].sort((a, b) => a.line - b.line);
  return { tasks: collector.tasks, sections, warnings: collector.warnings, lines };
}
