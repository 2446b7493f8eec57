// What a batch makes of one input, the same on a worker thread and in-process: the ledger, and
// the texts the CLI will write. Rendering where the ledger was parsed means only text crosses
// between threads, and the export work is spread over the threads too.

import { exportLedger, type Exported, type ExportOptions, type Format } from '../export/index.js';
import type { Ledger, Warning } from '../model.js';
import { ledgerOfInput } from '../read/ledger-json.js';

/** One input of a batch, read but not yet parsed. */
export interface BatchInput {
  /** The name its ledger's `source.name` gets. */
  name: string;
  bytes: Uint8Array;
  encoding?: string;
  contentType?: string;
}

/** A rendering of the ledger: an export format, one JSON line (--jsonl), or the --explain listing. */
export interface Rendering {
  format: Format | 'jsonl' | 'explain';
  options: ExportOptions;
}

/** What to make of each ledger: renderings by the name the caller knows them by. */
export interface Order {
  renderings: Readonly<Record<string, Rendering>>;
  /** Send the ledger itself back too (when the caller renders it in its own way). */
  ledger: boolean;
}

/** What was made of one input: the renderings asked for, by name, and the ledger if asked. */
export interface Product {
  outputs: Record<string, Exported>;
  ledger?: Ledger;
  /** The ledger's warnings, which the CLI reports on stderr whatever the output. */
  warnings: Warning[];
}

/** What became of one input: what was made of it, or the error that stopped it. */
export type Outcome = Product | Error;

async function render(ledger: Ledger, { format, options }: Rendering): Promise<Exported> {
  switch (format) {
    case 'jsonl':
      return (await import('../export/json.js')).toJsonLine(ledger);
    case 'explain':
      return (await import('../export/explain.js')).explainLedger(ledger, options);
    default:
      return exportLedger(ledger, format, options);
  }
}

export async function produce(input: BatchInput, order: Order): Promise<Product> {
  const ledger = await ledgerOfInput(input.bytes, { name: input.name, encoding: input.encoding, contentType: input.contentType });
  const outputs: Record<string, Exported> = {};
  for (const [name, rendering] of Object.entries(order.renderings)) outputs[name] = await render(ledger, rendering);
  return order.ledger ? { outputs, ledger, warnings: ledger.warnings } : { outputs, warnings: ledger.warnings };
}
