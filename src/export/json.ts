import type { Ledger } from '../model.js';
import { ledgerDocument } from './document.js';

export function toJson(ledger: Ledger): string {
  return `${JSON.stringify(ledgerDocument(ledger), null, 2)}\n`;
}
