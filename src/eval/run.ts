import { basename, extname, join } from 'node:path';
import { inputLabel, readLedger } from '../batch/input.js';
import { quoteName } from '../batch/report.js';
import { InputError } from '../errors.js';
import { readLedgerJson } from '../read/ledger-json.js';
import { loadInput } from '../read/load.js';
import { addCounts, figuresOf, scoreLedger, shortfalls, type DocumentScore, type Figures } from './score.js';

export interface EvalResult {
  name: string;
  score: DocumentScore;
}

/** Scores each input against the gold ledger of the same name in goldDir. */
export async function evaluate(files: string[], goldDir: string): Promise<{ results: EvalResult[]; total: Figures }> {
  const results: EvalResult[] = [];
  for (const file of files) {
    const name = basename(file, extname(file));
    const goldFile = join(goldDir, `${name}.json`);
    const gold = await naming(goldFile, async () => readLedgerJson((await loadInput(goldFile)).bytes));
    results.push({ name, score: scoreLedger(gold, await naming(inputLabel(file), () => readLedger(file))) });
  }
  return { results, total: figuresOf(addCounts(results.map((r) => r.score.counts))) };
}

/** The work's result; a problem with the input is said with the file's name in front. */
async function naming<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${quoteName(file)}: ${error.message}`, error.exitCode);
    throw error;
  }
}

/** Every figure below its threshold, per document and in total. */
export function failures(results: EvalResult[], total: Figures): string[] {
  return [
    ...results.flatMap((r) => shortfalls(r.score.figures).map((s) => `${r.name}: ${s}`)),
    ...shortfalls(total).map((s) => `TOTAL: ${s}`),
  ];
}
