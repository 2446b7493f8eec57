// What a batch makes of one input, the same on a worker thread and in-process: the renderings the
// command asks for, and the ledger's warnings. Rendering where the ledger was parsed means only
// text crosses between threads (the ledger itself never does), and the export work is spread
// over the threads too.

import type { Exported } from '../export/index.js';
import type { Warning } from '../model.js';
import { ledgerOfInput } from '../read/ledger-json.js';
import { errorToSend, type SentError } from './messages.js';
import { render, type Rendered, type Rendering } from './renderers.js';

/** One input of a batch, read but not yet parsed. */
export interface BatchInput {
  /** The name its ledger's `source.name` gets. */
  name: string;
  bytes: Uint8Array;
  encoding?: string;
  contentType?: string;
}

/** The renderings to make of each ledger, by the name the caller knows them by. */
export type RenderingRequest = Readonly<Record<string, Rendering>>;

/**
 * A rendering made, or why it could not be: what the command asks of this notice that it lacks
 * (a unit it does not name). It fails that output alone; the ledger's warnings still count.
 */
export type RenderingResult = Rendered | { error: SentError };

/** What was made of one parsed input. */
export interface ParsedInput {
  outputs: Record<string, RenderingResult>;
  /** The ledger's warnings, which the CLI reports on stderr whatever the output. */
  warnings: Warning[];
}

/** What became of one input: what was made of it, or the error that stopped it. */
export type InputResult = ParsedInput | Error;

/** The bytes of each output, to be moved to the other thread rather than copied. */
export function outputsOf(parsed: ParsedInput): Exported[] {
  return Object.values(parsed.outputs).flatMap((result) => ('output' in result ? [result.output] : []));
}

export async function produce(input: BatchInput, request: RenderingRequest): Promise<ParsedInput> {
  const ledger = await ledgerOfInput(input.bytes, { name: input.name, encoding: input.encoding, contentType: input.contentType });
  const outputs: Record<string, RenderingResult> = {};
  for (const [name, rendering] of Object.entries(request)) {
    try {
      outputs[name] = await render(ledger, rendering);
    } catch (error) {
      outputs[name] = { error: errorToSend(error) };
    }
  }
  return { outputs, warnings: ledger.warnings };
}
