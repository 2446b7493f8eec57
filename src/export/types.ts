import type { ColorSupportLevel } from 'chalk';
import type { Ledger, Task } from '../model.js';

/** Language of table headers: Chinese (the 台账 as offices keep it) or English keys. */
export type HeaderLanguage = 'zh' | 'en';

export interface ExportOptions {
  /** Column headers of the csv and md tables (default zh). */
  header?: HeaderLanguage;
  /** Colour depth of the terminal outline; 0, the default, is plain text. */
  colorLevel?: ColorSupportLevel;
  /** Columns available to the terminal outline (default 80). */
  width?: number;
}

/** A ledger whose tasks carry more than the contract's fields (a unit's ledger: each task's match). */
export type LedgerOf<T extends Task> = Omit<Ledger, 'tasks'> & { tasks: T[] };

/** What an exporter makes: text, or the bytes of a binary format (xlsx). */
export type Exported = string | Uint8Array;

/** Renders a document (by default a ledger) in one output format. */
export type Exporter<Document = Ledger> = (document: Document, options: ExportOptions) => Exported | Promise<Exported>;
