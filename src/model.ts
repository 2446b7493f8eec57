// The one typed model that flows through the pipeline:
// read (bytes → Decoded) → clean (→ CleanDoc) → outline (→ Outline) → ledger (→ Ledger) → export.
// Beside each stage's tree rides one NoticeFile: what was read, and what the stages have to say.

/** Where a piece of text came from: its 1-based line in the decoded input (see Origin for documents without lines). */
export interface Position {
  line: number;
}

export type SourceFormat = 'text' | 'html' | 'docx' | 'pdf' | 'doc' | 'xlsx' | 'csv';
export type Script = 'simplified' | 'traditional' | 'mixed';

export interface Warning {
  code: string;
  message: string;
  line: number | null;
}

/**
 * Where a line of the decoded text stands in a document that has no lines of its own (a page, a
 * Word file, a PDF, a workbook): the block (paragraph or table row) it was written from, counted
 * in reading order, and what the format itself numbers — a PDF's page and line on the page
 * (printed lines and table rows, top to bottom), a sheet's name and row.
 */
export interface Origin {
  block: number;
  page?: number;
  pageLine?: number;
  sheet?: string;
  row?: number;
}

/**
 * A table row as the reader found it (a page's, Word file's, PDF's or sheet's own table): the
 * table stage reads it as such, instead of recovering a grid from the text.
 */
export interface ReaderRow {
  /** 1-based, in document order. */
  table: number;
  header: boolean;
  /** For each cell of the row's line: whether it continues the cell above it (a rowspan). */
  spanned: boolean[];
  /**
   * The reader rebuilt the table's columns (a PDF's from positions, a .doc's from tabs) and may
   * have lost cells, so that later ones stand a column to the left; a page's, Word file's or
   * sheet's table has every cell in its column.
   */
  rebuilt?: boolean;
}

/** What the reader knows of one line of the decoded text. */
export interface LineSource {
  origin: Origin;
  row?: ReaderRow;
}

/** Output of the read stage: the input decoded to text. */
export interface Decoded {
  name: string;
  format: SourceFormat;
  encoding: string;
  text: string;
  /** Where each line of `text` came from (index = line − 1); absent for text, whose lines are its own. */
  lineSources?: LineSource[];
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

/**
 * The notice as it goes through the stages, as unified's VFile goes through its plugins: what was
 * read, where each line came from, and the messages the stages add — warnings, dropped lines, meta
 * hints. The clean stage opens it; each later stage adds to it; none copies it forward.
 */
export interface NoticeFile {
  /** `script` is the clean stage's finding. */
  source: LedgerSource;
  lineSources?: LineSource[];
  warnings: Warning[];
  /** Lines that did not reach the outline or the tasks, in line order once the outline is built. */
  dropped: DroppedLine[];
  metaHints: Partial<Meta>;
}

/** Output of the clean stage. */
export interface CleanDoc {
  file: NoticeFile;
  lines: SourceLine[];
  /**
   * Whether any line holds a “|” (a table row, or a bar in the text): the stages after cleaning
   * look for rows line by line only when one does. Looked for when not given.
   */
  pipes?: boolean;
}

/**
 * The numbering styles of contract §2.1 by name (1. also stands for ⒈ and a bare 1 before text,
 * （1） for ⑴), and the items a table row or category cell opens without a number.
 */
export type MarkerStyle = '第X部分' | '一、' | '（一）' | '一是' | '1.1.1' | '1.1' | '1.' | '（1）' | '1）' | '①' | 'table-row' | 'table-category';

/** A numbering marker as written (一、 （三） 2． ① …) and what it means. */
export interface Marker {
  text: string;
  style: MarkerStyle;
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
  /** The lines such cells stood on, where not the row's own (a table saved one cell to a line). */
  lines?: SourceLine[];
}

/** Output of the outline stage. */
export interface Outline {
  file: NoticeFile;
  /** Lines before the first numbered item. */
  preamble: SourceLine[];
  roots: OutlineNode[];
  /** Unnumbered lines after the last numbered item that close the document. */
  closing: SourceLine[];
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
  /** Where the task starts in a document without lines of its own (page, Word file, PDF, sheet). */
  origin?: Origin;
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
  /** Where the line stands in a document without lines of its own. */
  origin?: Origin;
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
