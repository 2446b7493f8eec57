import type { CleanDoc, DroppedLine, Outline, OutlineNode, RowCells, SourceLine, Warning } from '../model.js';
import { matchMarker, spellMarker, type MarkerMatch } from './markers.js';
import { guessedColumns, headerColumns, rowCells, type Column } from './table.js';
import { ATTACHMENT, classifyTail, isAttachmentName } from './tail.js';
import { unwrap } from './unwrap.js';

const FINISHED = /[。！？；：…”’）)」』】|.!?]$/;
/** A heading may end without a mark; a paragraph this long that does was cut. */
const CUT_SENTENCE = 30;

/** Styles of items a table row stands for when its cells carry no numbering. */
const TABLE_CATEGORY = 'table-category';
const TABLE_ROW = 'table-row';

interface OpenTable {
  columns: Column[];
  headerText: string | null;
  /** The numbering style first seen in each column: tells which column a shortened row starts at. */
  columnStyles: (string | undefined)[];
  /** Unit cells of the row above, for flattened text tables where an empty cell means “as above”. */
  unitsAbove: string[];
}

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
  private table: OpenTable | null = null;
  /** After “附件：” below the body, short numbered lines name attachments, not items. */
  private inAttachmentList = false;

  /** Plain text: tables are flattened (an empty unit cell means "as above"), lines may be cut. */
  constructor(private readonly plainText: boolean) {}

  add(line: SourceLine): void {
    const cells = rowCells(line.text);
    this.inAttachmentList = this.stack.length > 0 && (ATTACHMENT.test(line.text) || (this.inAttachmentList && isAttachmentName(line.text)));
    if (cells && !this.inAttachmentList) return this.addRow(line, cells);
    // A rowspan never reaches across a line between rows (a section heading, a note).
    if (this.table) this.table.unitsAbove = [];
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
    return known === undefined ? this.stack.length : Math.min(known - 1, this.stack.length);
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
    const depth = this.parentDepth(marker.style);
    const siblings = this.siblingsAt(depth);
    const previous = this.previousSibling(marker.style, depth);
    // Popped rather than cut by setting length, which V8 does in a slow runtime call.
    while (this.stack.length > depth) this.stack.pop();

    // A table repeats its category cell on every row it spans: the same item, going on.
    if (this.table && previous && previous === siblings.at(-1) && previous.marker.ordinal === marker.ordinal && previous.head.text === marker.rest) {
      this.stack.push(previous);
      return previous;
    }

    this.checkNumbering(marker, previous, line.line);
    const parent = this.stack.at(-1);
    const node: OutlineNode = {
      marker: { text: marker.text, style: marker.style, ordinal: marker.ordinal },
      depth: depth + 1,
      ordinals: [...(parent?.ordinals ?? []), marker.ordinal],
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

  private syntheticMarker(style: string, text: string, ordinal?: number): MarkerMatch {
    const previous = this.previousSibling(style, this.parentDepth(style));
    const continues = previous?.head.text === text;
    const next = continues ? previous!.marker.ordinal : (previous?.marker.ordinal ?? 0) + 1;
    return { text: '', style, ordinal: ordinal ?? next, rest: text, needsSequence: false };
  }

  private addRow(line: SourceLine, cells: string[]): void {
    const header = headerColumns(cells);
    if (header) {
      if (this.table?.headerText !== line.text) this.table = { columns: header, headerText: line.text, columnStyles: [], unitsAbove: [] };
      this.dropped.push({ ...line, reason: 'table header' });
      return;
    }
    if (!this.table && !this.plainText && !cells.some((cell) => matchMarker(cell))) {
      // A page's or Word file's table that names no task column, and numbers nothing, is data.
      this.dropped.push({ ...line, reason: 'table without a task header' });
      return;
    }
    this.table ??= { columns: guessedColumns(cells.length), headerText: null, columnStyles: [], unitsAbove: [] };
    const table = this.table;
    const shift = this.rowShift(cells);
    const units: RowCells['units'] = [];
    let deadline: string | null = null;
    let item: OutlineNode | null = null;
    let itemFromThisRow = false;
    let seq: number | undefined;

    cells.forEach((raw, index) => {
      const columnIndex = index + shift;
      const column = table.columns[columnIndex] ?? { kind: 'other' };
      const text = raw.trim();
      const cellLine = { ...line, text };
      switch (column.kind) {
        case 'seq':
          if (/^\d+$/.test(text)) seq = Number(text);
          return;
        case 'units': {
          const value = text || (this.plainText ? (table.unitsAbove[columnIndex] ?? '') : '');
          table.unitsAbove[columnIndex] = value;
          if (value) units.push({ text: value, role: column.role ?? 'responsible' });
          return;
        }
        case 'deadline':
          if (text) deadline = text;
          return;
        case 'other':
          return;
      }
      if (!text) return;
      const marker = matchMarker(text);
      if (marker && this.accepts(marker)) {
        if (shift === 0) table.columnStyles[columnIndex] ??= marker.style;
        const node = this.open(marker, cellLine);
        item = node;
        itemFromThisRow = column.kind !== 'category';
      } else if (column.kind === 'category') {
        item = this.open(this.syntheticMarker(TABLE_CATEGORY, text), cellLine);
        itemFromThisRow = false;
      } else if (item && itemFromThisRow) {
        (item as OutlineNode).body.push(cellLine);
      } else {
        item = this.open(this.syntheticMarker(TABLE_ROW, text, seq), cellLine);
        itemFromThisRow = true;
      }
    });
    if (item && itemFromThisRow) (item as OutlineNode).cells = { units, deadline };
  }

  /**
   * A flattened text table drops the cells a rowspan covered, so the row's cells start further
   * right than the header's: at the column whose numbering style the first cell carries, or as
   * many columns right as the row is short.
   */
  private rowShift(cells: string[]): number {
    if (!this.plainText || !this.table) return 0;
    const missing = this.table.columns.length - cells.length;
    const style = matchMarker(cells[0] ?? '')?.style;
    const column = style ? this.table.columnStyles.indexOf(style) : -1;
    if (column > 0 && missing >= 0) return column;
    // A row with fewer cells than the header lost its leading ones to a rowspan.
    return Math.max(0, missing);
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
    return {
      source: source.source,
      preamble: this.preamble,
      roots: this.roots,
      closing,
      dropped: [...source.dropped, ...this.dropped, ...dropped].sort((a, b) => a.line - b.line),
      metaHints: source.metaHints,
      warnings: [...source.warnings, ...this.warnings],
    };
  }
}

function lastNode(nodes: OutlineNode[]): OutlineNode | undefined {
  let node = nodes.at(-1);
  while (node?.children.length) node = node.children.at(-1);
  return node;
}

/** Cleaned lines → the numbered tree, with the lines before and after it. */
export function outline(doc: CleanDoc): Outline {
  const plainText = doc.source.format === 'text';
  const builder = new OutlineBuilder(plainText);
  // A web page or Word file marks its paragraphs; only plain text may have broken them.
  for (const line of plainText ? unwrap(doc.lines) : doc.lines) builder.add(line);
  return builder.finish(doc);
}
