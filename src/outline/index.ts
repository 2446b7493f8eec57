import type { CleanDoc, DroppedLine, MarkerStyle, Outline, OutlineNode, RowCells, SourceLine, Warning } from '../model.js';
import { matchMarker, spellMarker, usuallyAbove, type MarkerMatch } from '../vocabulary/markers.js';
import { recoverTables, type Block, type TableRow } from '../table/index.js';
import { anyPipe, bareTableLines } from '../table/recover.js';
import { isPlaceholderCell, SEQ_CELL } from '../table/cells.js';
import { ATTACHMENT, ATTACHMENT_HEADER, ATTACHMENT_ITEM, ATTACHMENT_LIST, classifyTail, isAttachmentName, isDateLine } from './tail.js';
import { unwrap } from './unwrap.js';
import { splitRunTogether } from './inline.js';
import { CLAUSE_STOPS, CLOSERS, SENTENCE_STOPS } from '../vocabulary/sentences.js';
import { isPlanTitleLine, ISSUES_PLAN_LINE } from '../vocabulary/disclosure.js';

const FINISHED = new RegExp(`[${SENTENCE_STOPS}${CLAUSE_STOPS}…${CLOSERS}|.!?]$`);
/** A heading may end without a mark; a paragraph this long that does was cut. */
const CUT_SENTENCE = 30;

/** Styles of items a table row stands for when its cells carry no numbering. */
const TABLE_CATEGORY: MarkerStyle = 'table-category';
const TABLE_ROW: MarkerStyle = 'table-row';
/** The paragraphs a plan's title may have between it and its first item (为…，制定本要点。). */
const PLAN_LEAD_IN_MAX = 1;


class OutlineBuilder {
  readonly roots: OutlineNode[] = [];
  readonly preamble: SourceLine[] = [];
  readonly warnings: Warning[] = [];
  readonly dropped: DroppedLine[] = [];
  private readonly stack: OutlineNode[] = [];
  /** Per parent (the roots under null): its last child of each style and how often each marker came. */
  private readonly childIndex = new Map<OutlineNode | null, { lastOfStyle: Map<string, OutlineNode>; seen: Map<string, number> }>();
  private readonly styleDepth = new Map<string, number>();
  private readonly lastOrdinal = new Map<string, number>();
  /** The table the last row came from, and the highest row number seen in it. */
  private tableId = 0;
  private rowCount = 0;
  /** Whether the last block was a table row: a category cell repeated on the next row goes on. */
  private inTable = false;
  /** After “附件：” below the body, short numbered lines name attachments, not items. */
  private inAttachmentList = false;

  /** Plain text: tables are flattened (an empty unit cell means "as above"), lines may be cut. */
  constructor(private readonly plainText: boolean) {}

  add(block: Block): void {
    if (block.kind === 'dropped') {
      this.dropped.push(block.line);
      return;
    }
    if (block.kind === 'row') return this.addRow(block.row);
    const line = block.line;
    // 附件：1.… 2.… names documents, below the body or in the cover letter before it.
    // In the cover letter the list goes on with its numbered names only (2.重点任务分工表).
    // The attachment's own first line (附件1 above the plan) starts no list: the plan follows.
    const listed = this.stack.length > 0 || ATTACHMENT_ITEM.test(line.text);
    this.inAttachmentList = ATTACHMENT.test(line.text)
      ? (this.stack.length > 0 || ATTACHMENT_LIST.test(line.text)) && !ATTACHMENT_HEADER.test(line.text)
      : this.inAttachmentList && listed && isAttachmentName(line.text);
    this.inTable = false;
    const marker = this.inAttachmentList ? null : matchMarker(line.text);
    if (marker && this.accepts(marker)) {
      this.open(marker, line);
      return;
    }
    const top = this.stack.at(-1);
    if (top) top.body.push(line);
    else this.preamble.push(line);
  }

  /** A bare number (2深入推进…) is a marker only where it continues its list or starts one. */
  private accepts(marker: MarkerMatch): boolean {
    if (!marker.needsSequence || marker.ordinal === 1) return true;
    const previous = this.previousSibling(marker.style, this.parentDepth(marker.style));
    return previous?.marker.ordinal === marker.ordinal - 1;
  }

  /** How many open nodes stay open when an item of this style comes: its parent's depth. */
  private parentDepth(style: string): number {
    const open = this.stack.findIndex((n) => n.marker.style === style);
    if (open >= 0) return open;
    const known = this.styleDepth.get(style);
    if (known === undefined) return this.stack.length;
    // Where the style first came the notice skipped a level it writes here (一、/1. before, now
    // 二、/（一）/1.): the style goes under the item of that level, not beside it.
    let depth = Math.min(known - 1, this.stack.length);
    while (depth < this.stack.length && usuallyAbove(this.stack[depth]!.marker.style, style)) depth++;
    return depth;
  }

  private siblingsAt(depth: number): OutlineNode[] {
    return depth === 0 ? this.roots : this.stack[depth - 1]!.children;
  }

  private indexAt(depth: number) {
    const parent = depth === 0 ? null : this.stack[depth - 1]!;
    let index = this.childIndex.get(parent);
    if (!index) this.childIndex.set(parent, (index = { lastOfStyle: new Map(), seen: new Map() }));
    return index;
  }

  private previousSibling(style: string, depth: number): OutlineNode | undefined {
    return this.indexAt(depth).lastOfStyle.get(style);
  }

  private open(marker: MarkerMatch, line: SourceLine): OutlineNode {
    if (this.startsPlanAfterCover(marker)) this.coverToPreamble();
    const depth = this.parentDepth(marker.style);
    const siblings = this.siblingsAt(depth);
    const previous = this.previousSibling(marker.style, depth);
    // Popped rather than cut by setting length, which V8 does in a slow runtime call.
    while (this.stack.length > depth) this.stack.pop();

    // A table repeats its category cell on every row it spans: the same item, going on.
    if (this.inTable && previous && previous === siblings.at(-1) && previous.marker.ordinal === marker.ordinal && previous.head.text === marker.rest) {
      this.stack.push(previous);
      return previous;
    }

    this.checkNumbering(marker, previous, line.line);
    const parent = this.stack.at(-1);
    const node: OutlineNode = {
      marker: { text: marker.text, style: marker.style, ordinal: marker.ordinal },
      depth: depth + 1,
      // A category cell without a number names a section but adds nothing to the ids under it.
      ordinals: marker.style === TABLE_CATEGORY ? [...(parent?.ordinals ?? [])] : [...(parent?.ordinals ?? []), marker.ordinal],
      head: { ...line, text: marker.rest },
      body: [],
      children: [],
    };
    const index = this.indexAt(depth);
    const key = `${marker.style}#${marker.ordinal}`;
    const repeated = index.seen.get(key) ?? 0;
    if (repeated > 0) node.repeat = repeated + 1;
    index.seen.set(key, repeated + 1);
    index.lastOfStyle.set(marker.style, node);
    siblings.push(node);
    this.stack.push(node);
    if (!this.styleDepth.has(marker.style)) this.styleDepth.set(marker.style, depth + 1);
    this.lastOrdinal.set(marker.style, marker.ordinal);
    return node;
  }

  /**
   * A first item after the items of a cover notice that ended (一、… 三、, the office, the date, the
   * plan's title, 一、; unsigned, 一、… 三、, the plan's title, 一、): the plan starts, and the notice's
   * items are its cover (§2.2 rule 5). (A plan set as a table: addRow.)
   */
  private startsPlanAfterCover(marker: MarkerMatch): boolean {
    // Of any style: the plan may number its items as the notice did not (一、 then （一）).
    return marker.ordinal === 1 && this.roots.length > 0 && this.coverEnded();
  }

  /**
   * Whether the items so far are a cover notice's: the notice issues a plan (关于印发…的通知, 现将
   * 《…》印发给你们) whose title did not introduce them, and they end in the signature's date or,
   * unsigned, in the plan's title line. (A notice that issues none, whose
   * attachment is a list of measures or indicators, has its own items for tasks.)
   */
  private coverEnded(): boolean {
    // The ending first: most first items come where no cover ended.
    const body = lastNode(this.roots)?.body ?? [];
    if (!body.some((l, i) => isDateLine(l.text, body[i - 1]?.text)) && !body.slice(-1 - PLAN_LEAD_IN_MAX).some((l) => isPlanTitleLine(l.text))) return false;
    // Items a plan's title introduced are the plan's (a file of several notices run on).
    return this.preamble.some((l) => ISSUES_PLAN_LINE.test(l.text)) && !this.preamble.some((l) => isPlanTitleLine(l.text));
  }

  /** The items so far, as the lines they were, go to the preamble: a cover notice's. */
  private coverToPreamble(): void {
    // One by one: a cover's items may hold more lines than one push takes arguments.
    const flatten = (node: OutlineNode) => {
      this.preamble.push({ ...node.head, text: node.marker.text + node.head.text });
      for (const line of node.body) this.preamble.push(line);
      node.children.forEach(flatten);
    };
    this.roots.forEach(flatten);
    this.roots.splice(0);
    this.stack.splice(0);
    this.childIndex.clear();
    this.styleDepth.clear();
    this.lastOrdinal.clear();
  }

  private checkNumbering(marker: MarkerMatch, previous: OutlineNode | undefined, line: number): void {
    if (marker.style === TABLE_ROW || marker.style === TABLE_CATEGORY) return;
    const spell = (n: number) => spellMarker(marker.style, n);
    // Without an elder sibling the list either starts at 1 or runs on from the last parent's list.
    const before = previous?.marker.ordinal ?? this.lastOrdinal.get(marker.style);
    if (previous === undefined && marker.ordinal === 1) return;
    if (before === undefined) {
      this.warn('numbering-gap', `the list starts at ${spell(marker.ordinal)}`, line);
    } else if (marker.ordinal === before && previous) {
      this.warn('repeated-marker', `${spell(before)} appears twice`, line);
    } else if (marker.ordinal > before + 1) {
      this.warn('numbering-gap', `${spell(before)} is followed by ${spell(marker.ordinal)}`, line);
    } else if (marker.ordinal <= before && previous) {
      this.warn('numbering-restart', `${spell(before)} is followed by ${spell(marker.ordinal)}`, line);
    }
  }

  private warn(code: string, message: string, line: number | null): void {
    this.warnings.push({ code, message, line });
  }

  private syntheticMarker(style: MarkerStyle, text: string, ordinal?: number): MarkerMatch {
    const previous = this.previousSibling(style, this.parentDepth(style));
    const continues = previous?.head.text === text;
    const next = continues ? previous!.marker.ordinal : (previous?.marker.ordinal ?? 0) + 1;
    return { text: '', style, ordinal: ordinal ?? next, rest: text, needsSequence: false };
  }

  private addRow(row: TableRow): void {
    this.inAttachmentList = false;
    this.inTable = true;
    if (row.table !== this.tableId) {
      this.tableId = row.table;
      this.rowCount = 0;
      // A plan set as a table after the cover notice: the notice's items are its cover.
      if (this.coverEnded()) this.coverToPreamble();
    }
    const cells: RowCells = { units: [], deadlines: [], notes: [] };
    let item: OutlineNode | null = null;
    let itemFromThisRow = false;
    let seq: number | undefined;
    /** The lines of the cells that hold no item text. */
    const cellLines: SourceLine[] = [];
    for (const cell of row.cells) {
      const trimmed = cell.text.trim();
      const text = isPlaceholderCell(trimmed) ? '' : trimmed;
      const kind = cell.kind === 'outside' && SEQ_CELL.test(text) ? 'seq' : cell.kind;
      if (text && (kind === 'seq' || kind === 'units' || kind === 'deadline' || kind === 'other')) cellLines.push(cell.line);
      switch (kind) {
        case 'seq':
          if (SEQ_CELL.test(text)) seq = Number.parseInt(text, 10);
          continue;
        case 'units':
          if (text) cells.units.push({ text, role: cell.role ?? 'responsible' });
          continue;
        case 'deadline':
          if (text) cells.deadlines.push(text);
          continue;
        case 'other':
          if (text) cells.notes.push(text);
          continue;
      }
      if (!text) continue;
      const cellLine = { ...cell.line, text };
      const heads = kind === 'category' || kind === 'outside';
      const marker = matchMarker(text);
      const child = marker !== null && item !== null && marker.style !== item.marker.style && this.accepts(marker);
      if (!heads && item && itemFromThisRow && !child) {
        // The row's item is open: numbers of its own style in its requirement cell (1.… 2.…) are its text.
        item.body.push(cellLine);
      } else if (marker && this.accepts(marker)) {
        item = this.open(marker, cellLine);
        itemFromThisRow = !heads;
      } else if (heads) {
        item = this.open(this.syntheticMarker(TABLE_CATEGORY, text), cellLine);
        itemFromThisRow = false;
      } else {
        item = this.open(this.syntheticMarker(TABLE_ROW, text, seq ?? this.rowCount + 1), cellLine);
        itemFromThisRow = true;
      }
    }
    if (item && itemFromThisRow) {
      // Cells on lines of their own (a table saved one cell to a line), or going on in a row below
      // (a wrapped unit list), are the item's lines too (--explain).
      const own = cellLines.filter((line) => line.line !== item!.head.line || line.lastLine !== undefined);
      if (own.length) cells.lines = own;
      item.cells = cells;
      this.rowCount = Math.max(this.rowCount, item.marker.ordinal);
    }
  }

  finish(source: CleanDoc): Outline {
    const last = lastNode(this.roots);
    const { closing, dropped } = last ? classifyTail(last) : { closing: [], dropped: [] };
    // The last thing a notice says ends a sentence (a table row, a signature and the like are
    // not text): a paragraph that stops mid-sentence at the very end suggests a file cut off.
    const final = closing.at(-1) ?? last?.body.at(-1) ?? (last?.cells ? undefined : last?.head);
    if (this.plainText && final && !FINISHED.test(final.text) && (final.text.length >= CUT_SENTENCE || /[，、]$/.test(final.text))) {
      this.warn('truncated', 'the text ends mid-sentence: the file may be cut off', final.lastLine ?? final.line);
    }
    const { file } = source;
    file.dropped = [...file.dropped, ...this.dropped, ...dropped].sort((a, b) => a.line - b.line);
    for (const warning of this.warnings) file.warnings.push(warning);
    return { file, preamble: this.preamble, roots: this.roots, closing };
  }
}

function lastNode(nodes: OutlineNode[]): OutlineNode | undefined {
  let node = nodes.at(-1);
  while (node?.children.length) node = node.children.at(-1);
  return node;
}

/** Cleaned lines → the numbered tree, with the lines before and after it. */
export function outline(doc: CleanDoc): Outline {
  const plainText = doc.file.source.format === 'text';
  const builder = new OutlineBuilder(plainText);
  // A web page or Word file marks its paragraphs; only plain text may have broken them (but not
  // the cells of a table saved one to a line).
  // Joining and splitting lines puts no “|” in them where none was.
  const pipes = doc.pipes ?? anyPipe(doc.lines);
  const cells = plainText ? bareTableLines(doc.lines, pipes) : new Set<number>();
  const lines = splitRunTogether(plainText ? unwrap(doc.lines, cells, pipes) : doc.lines, cells, pipes);
  const sources = doc.file.lineSources;
  const readerRows = sources && ((line: SourceLine) => sources[line.line - 1]?.row);
  for (const block of recoverTables(lines, readerRows, pipes)) builder.add(block);
  return builder.finish(doc);
}
