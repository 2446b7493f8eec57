// The one typed model that flows through the pipeline:
// read (bytes → Decoded) → clean (→ CleanDoc) → outline (→ Outline) → ledger (→ Ledger) → export.

/** Where a piece of text came from: 1-based line and 0-based character offset in the decoded input. */
export interface Position {
  line: number;
  offset: number;
}

export type SourceFormat = 'text' | 'html' | 'docx' | 'pdf' | 'doc' | 'xlsx' | 'csv';
export type Script = 'simplified' | 'traditional' | 'mixed';

export interface Warning {
  code: string;
  message: string;
  line: number | null;
}

/** Output of the read stage: the input decoded to text. */
export interface Decoded {
  name: string;
  format: SourceFormat;
  encoding: string;
  text: string;
  /** Meta fields the container itself supplied (HTML <meta>, disclosure tables). */
  metaHints?: Partial<Meta>;
  warnings: Warning[];
}

/** A line of the cleaned body, still pointing at its place in the decoded input. */
export interface SourceLine extends Position {
  text: string;
  /** When input lines broken inside a paragraph were joined into this one: the last of them. */
  lastLine?: number;
  /**
   * A line that is a cell of a table whose header stood as lines of their own (目标 / 任务 /
   * 责任单位): the units or the time limit of the text before it.
   */
  column?: { kind: 'units' | 'deadline'; role: Role };
}

/** Why a line of the input did not reach the outline. */
export interface DroppedLine extends Position {
  text: string;
  reason: string;
}

/** Output of the clean stage. */
export interface CleanDoc {
  source: LedgerSource;
  lines: SourceLine[];
  dropped: DroppedLine[];
  metaHints: Partial<Meta>;
  warnings: Warning[];
}

/** A numbering marker as written (一、 （三） 2． ① …) and what it means. */
export interface Marker {
  text: string;
  style: string;
  ordinal: number;
}

/** A node of the numbered tree. */
export interface OutlineNode {
  marker: Marker;
  depth: number;
  /** Ordinal path from the root, e.g. [1, 3, 2] for 一/（三）/2. */
  ordinals: number[];
  /** The text on the marker's line after the marker. */
  head: SourceLine;
  /** Unnumbered lines that follow the head, before the first child. */
  body: SourceLine[];
  /** Table cells of the row that carried this item: units and deadlines by column meaning. */
  cells?: RowCells;
  children: OutlineNode[];
  /** Set when the same marker was repeated among siblings: 2 for the second, … */
  repeat?: number;
}

export interface RowCells {
  units: { text: string; role: Role | null }[];
  /** The row's 时限 cells. */
  deadlines: string[];
  /** Cells of columns with no meaning for the ledger (备注, 完成情况): limits written there count. */
  notes: string[];
}

/** Output of the outline stage. */
export interface Outline {
  source: LedgerSource;
  /** Lines before the first numbered item. */
  preamble: SourceLine[];
  roots: OutlineNode[];
  /** Unnumbered lines after the last numbered item that close the document. */
  closing: SourceLine[];
  dropped: DroppedLine[];
  metaHints: Partial<Meta>;
  warnings: Warning[];
}

// ---- the ledger: schema taizhang/1 (../shared/spec/ledger.md) ----

export type Role = 'lead' | 'responsible' | 'support';

export interface Unit {
  name: string;
  role: Role;
}

export interface Deadline {
  text: string;
  date: string | null;
}

export interface Task {
  id: string;
  seq: number;
  path: string[];
  title: string | null;
  text: string;
  units: Unit[];
  deadlines: Deadline[];
  line: number | null;
}

export interface Section {
  id: string;
  marker: string;
  title: string;
  children: Section[];
}

export interface Meta {
  title: string | null;
  noticeTitle: string | null;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  year: number | null;
  region: string | null;
  recipients: string[];
}

export interface LedgerSource {
  name: string;
  format: SourceFormat;
  encoding: string;
  script: Script;
}

/** What became of one line of the cleaned input (`parse --explain`): nothing is lost silently. */
export interface LineFate {
  line: number;
  fate: 'preamble' | 'heading' | 'task' | 'dropped';
  /** The task the line is part of (fate task), or the section it heads (fate heading). */
  id?: string;
  /**
   * Why a dropped line was dropped (site footer, signature, attachment list …), or why a line
   * that looks like work is preamble (aims section, inline numbering not split …).
   */
  reason?: string;
  text: string;
}

export interface Ledger {
  schema: 'taizhang/1';
  source: LedgerSource;
  meta: Meta;
  sections: Section[];
  tasks: Task[];
  warnings: Warning[];
  /** Lines of the cleaned input that are not part of any task, and why. */
  dropped?: DroppedLine[];
  /** Every line of the cleaned input and what became of it, in input order. */
  lines?: LineFate[];
}
