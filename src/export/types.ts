import type { ColorSupportLevel } from 'chalk';
import type { Ledger } from '../model.js';

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

/** Renders a ledger as the text of one output format. */
export type Exporter = (ledger: Ledger, options: ExportOptions) => string;
