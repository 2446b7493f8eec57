import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Ledger } from '../model.js';
import { readLedger } from '../cli/input.js';
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
    const gold = JSON.parse(await readFile(join(goldDir, `${name}.json`), 'utf8')) as Ledger;
    results.push({ name, score: scoreLedger(gold, await readLedger(file)) });
  }
  return { results, total: figuresOf(addCounts(results.map((r) => r.score.counts))) };
}

/** Every figure below its threshold, per document and in total. */
export function failures(results: EvalResult[], total: Figures): string[] {
  return [
    ...results.flatMap((r) => shortfalls(r.score.figures).map((s) => `${r.name}: ${s}`)),
    ...shortfalls(total).map((s) => `TOTAL: ${s}`),
  ];
}
