import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

/** The file argument that stands for standard input. */
export const STDIN = '-';

/** How an input is named in messages. */
export function inputLabel(file: string): string {
  return file === STDIN ? '<stdin>' : file;
}

/** How an input is named in its ledger's `source.name`. */
export function sourceName(file: string): string {
  return file === STDIN ? STDIN : basename(file);
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function readInput(file: string): Promise<Uint8Array> {
  return file === STDIN ? readStdin() : readFile(file);
}
