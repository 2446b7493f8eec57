import type {
  CleanDoc,
  Decoded,
  DroppedLine,
  Ledger,
  LedgerSource,
  Marker,
  Meta,
  NoticeFile,
  Outline,
  OutlineNode,
  RowCells,
  SourceLine,
} from '../../src/model.js';
import { matchMarker } from '../../src/vocabulary/markers.js';

// Builders of each stage's input model, declared as data: a stage's test feeds the stage its own
// input instead of running the stages before it (src/pipeline.ts chains them).

/** The read stage's output for a plain-text file (lines are joined with \n). */
export function decoded(text: string | string[], partial: Partial<Decoded> = {}): Decoded {
  return { name: 'plan.txt', format: 'text', encoding: 'utf-8', text: typeof text === 'string' ? text : text.join('\n'), warnings: [], ...partial };
}

/** A NoticeFile as the clean stage opens it, for a plain-text file with nothing to say yet. */
export function noticeFile(partial: Omit<Partial<NoticeFile>, 'source'> & { source?: Partial<LedgerSource> } = {}): NoticeFile {
  const { source, ...rest } = partial;
  return {
    source: { name: 'plan.txt', format: 'text', encoding: 'utf-8', script: 'simplified', ...source },
    warnings: [],
    dropped: [],
    metaHints: {},
    ...rest,
  };
}

/** Numbers lines as the text's: each string gets the line after the one before; a SourceLine keeps its own. */
class LineCounter {
  private next = 1;
  at(line: string | SourceLine): SourceLine {
    if (typeof line !== 'string') {
      this.next = (line.lastLine ?? line.line) + 1;
      return line;
    }
    return { text: line, line: this.next++ };
  }
}

/** Cleaned lines numbered from 1, each after the one before unless given its own number. */
export function sourceLines(...lines: (string | SourceLine)[]): SourceLine[] {
  const counter = new LineCounter();
  return lines.map((line) => counter.at(line));
}

/** The clean stage's output: these lines of a plain-text file. */
export function cleanDoc(lines: (string | SourceLine)[], file: NoticeFile = noticeFile()): CleanDoc {
  return { file, lines: sourceLines(...lines) };
}

/** An item of the numbered tree, declared as data; depth, ordinals and lines are filled in by outlineOf. */
export interface ItemSpec {
  /** As written (一、 （三） 2．): its style and ordinal are read as the outline stage reads them. */
  marker: string | Marker;
  head: string | SourceLine;
  body?: (string | SourceLine)[];
  cells?: RowCells;
  repeat?: number;
  children?: ItemSpec[];
}

/** An item: marker, head, then its body lines and child items in any order (body lines first in the tree). */
export function item(marker: string | Marker, head: string | SourceLine, ...more: (string | SourceLine | ItemSpec)[]): ItemSpec {
  const isItem = (x: string | SourceLine | ItemSpec): x is ItemSpec => typeof x !== 'string' && 'marker' in x;
  return { marker, head, body: more.filter((x): x is string | SourceLine => !isItem(x)), children: more.filter(isItem) };
}

/** A table row's item: no marker written, its cells read on the head's line. */
export function tableRow(ordinal: number, line: number, head: string, body: string[], cells: Partial<RowCells>): ItemSpec {
  return {
    marker: { text: '', style: 'table-row', ordinal },
    head: { text: head, line },
    body: body.map((text) => ({ text, line })),
    cells: { units: [], deadlines: [], notes: [], ...cells },
  };
}

function markerOf(spec: ItemSpec, head: string): Marker {
  if (typeof spec.marker !== 'string') return spec.marker;
  const found = matchMarker(`${spec.marker}${head}`);
  if (!found || found.text !== spec.marker) throw new Error(`not a marker: ${spec.marker}`);
  return { text: found.text, style: found.style, ordinal: found.ordinal };
}

export interface OutlineSpec {
  preamble?: (string | SourceLine)[];
  items?: ItemSpec[];
  closing?: (string | SourceLine)[];
  /** Lines the clean or outline stage dropped, numbered after the closing unless given a line. */
  dropped?: ({ text: string; reason: string } | DroppedLine)[];
  file?: NoticeFile;
}

/**
 * The outline stage's output declared as data. Lines are numbered in document order — preamble,
 * items (head, body, children), closing, dropped — unless given their own.
 */
export function outlineOf({ preamble = [], items = [], closing = [], dropped = [], file = noticeFile() }: OutlineSpec): Outline {
  const counter = new LineCounter();
  const node = (spec: ItemSpec, parent: number[]): OutlineNode => {
    const head = counter.at(spec.head);
    const marker = markerOf(spec, head.text);
    const ordinals = [...parent, marker.ordinal];
    const built: OutlineNode = { marker, depth: ordinals.length, ordinals, head, body: (spec.body ?? []).map((line) => counter.at(line)), children: [] };
    built.children = (spec.children ?? []).map((child) => node(child, ordinals));
    if (spec.cells) built.cells = spec.cells;
    if (spec.repeat) built.repeat = spec.repeat;
    return built;
  };
  const before = preamble.map((line) => counter.at(line));
  const roots = items.map((spec) => node(spec, []));
  const after = closing.map((line) => counter.at(line));
  const droppedLines = dropped.map((line): DroppedLine => ({ ...counter.at('line' in line ? line : line.text), reason: line.reason }));
  return { file: { ...file, dropped: [...file.dropped, ...droppedLines].sort((a, b) => a.line - b.line) }, preamble: before, roots, closing: after };
}

const NO_META: Meta = { title: null, noticeTitle: null, issuer: null, docNumber: null, date: null, year: null, region: null, recipients: [] };

/** The ledger stage's output declared as data: no tasks, no sections, unless given. */
export function ledger(partial: Partial<Ledger> = {}): Ledger {
  return { schema: 'taizhang/1', source: noticeFile().source, meta: { ...NO_META, recipients: [] }, sections: [], tasks: [], warnings: [], ...partial };
}
