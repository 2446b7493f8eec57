import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/model.js';
import { parseBytes } from '../../src/pipeline.js';
import { addCounts, figuresOf, scoreLedger, type Figures } from '../../src/eval/score.js';

// 40 real notices as found on government sites and their mirrors (fixtures/corpus/SOURCES.tsv
// says where each comes from and what makes it hard), against their gold ledgers.
const DOCS = 'fixtures/corpus/docs';
const GOLD = 'fixtures/corpus/gold';
const names = readdirSync(DOCS).filter((f) => f.endsWith('.txt')).map((f) => basename(f, '.txt'));

/** What a new user's notices must reach in total (the parse issue's “wanted” row). */
const WANTED: Partial<Figures> = { taskF1: 0.97, unitF1: 0.93, deadlineF1: 0.9, path: 0.93, title: 0.9, meta: 0.93 };
/** No notice may lose more than this share of its tasks. */
const TASK_F1_EACH = 0.8;

const scores = names.map((name) => ({
  name,
  score: (async () => {
    const gold = JSON.parse(readFileSync(join(GOLD, `${name}.json`), 'utf8')) as Ledger;
    return scoreLedger(gold, await parseBytes(readFileSync(join(DOCS, `${name}.txt`)), { name: `${name}.txt` }));
  })(),
}));

describe('the corpus of real notices against gold', () => {
  it('has the 40 notices', () => expect(names).toHaveLength(40));

  it('reaches the wanted figures in total', async () => {
    const total = figuresOf(addCounts(await Promise.all(scores.map(async (s) => (await s.score).counts))));
    for (const [key, wanted] of Object.entries(WANTED)) expect([key, total[key as keyof Figures]]).toEqual([key, expect.toSatisfy((v: number) => v >= wanted!)]);
  });

  it(`keeps every notice at taskF1 ${TASK_F1_EACH} or above`, async () => {
    for (const { name, score } of scores) expect([name, (await score).figures.taskF1 >= TASK_F1_EACH]).toEqual([name, true]);
  });
});
