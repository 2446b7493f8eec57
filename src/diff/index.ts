import type { ColorSupportLevel } from 'chalk';
import type { DiffTextFormat } from './formats.js';
import { diffToHtml } from './render/html.js';
import { diffToJson } from './render/json.js';
import { diffToMarkdown } from './render/markdown.js';
import { diffToTerminal } from './render/terminal.js';
import type { DiffReport } from './types.js';

export { DEFAULT_THRESHOLD } from './threshold.js';
export { diffToXlsx } from './render/xlsx.js';
export { diffLedgers, type DiffOptions } from './diff.js';
export type { ChangeKind, DiffReport, TaskPair, UnitChange } from './types.js';

/** The report as the text of one format; colour applies to the terminal report only. */
export function renderDiff(report: DiffReport, format: DiffTextFormat, { colorLevel = 0 }: { colorLevel?: ColorSupportLevel } = {}): string {
  switch (format) {
    case 'terminal':
      return diffToTerminal(report, { colorLevel });
    case 'md':
      return diffToMarkdown(report);
    case 'json':
      return diffToJson(report);
    case 'html':
      return diffToHtml(report);
  }
}
