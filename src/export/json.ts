import type { Ledger } from '../model.js';
import { ledgerDocument } from './document.js';

export function toJson(ledger: Ledger): string {
  return `${JSON.stringify(ledgerDocument(ledger), null, 2)}\n`;
}

/** The ledger on one line, for JSON Lines (`parse --jsonl`): one ledger per line. */
export function toJsonLine(ledger: Ledger): string {
  return `${JSON.stringify(ledgerDocument(ledger))}\n`;
}
