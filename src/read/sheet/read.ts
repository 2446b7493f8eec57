// Sheets → Decoded: what the .xlsx and .csv readers share.

import { InputError } from '../../errors.js';
import type { Decoded, SourceFormat } from '../../model.js';
import { htmlToText } from '../html/to-text.js';
import { sheetsHtml, type Sheet } from './table.js';

const NO_HEADER = 'no task header (a row naming columns such as 工作任务, 牵头单位, 责任单位, 完成时限)';

export function decodedSheets(sheets: Sheet[], source: { name: string; format: SourceFormat; encoding: string }): Decoded {
  const { html, skipped } = sheetsHtml(sheets);
  if (skipped.length === sheets.length) throw new InputError(sheets.length > 1 ? `no sheet has a ${NO_HEADER}` : `a sheet with ${NO_HEADER}`);
  const { text, lineSources, warnings } = htmlToText(html, { kind: 'document' });
  const skippedWarnings = skipped.map((sheet) => ({ code: 'sheet-skipped', message: `sheet “${sheet}” was skipped: it has ${NO_HEADER}`, line: null }));
  return { ...source, text, lineSources, warnings: [...skippedWarnings, ...warnings] };
}
