import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/model.js';
import { parseBytes } from '../../src/pipeline.js';
import { addCounts, figuresOf, scoreLedger, shortfalls, THRESHOLDS } from '../../src/eval/score.js';

// The seed notices against their gold ledgers, with the thresholds of the parse issue.
const NOTICES = 'fixtures/notices';
const GOLD = 'fixtures/gold';
const names = readdirSync(NOTICES).filter((f) => f.endsWith('.txt')).map((f) => basename(f, '.txt'));

async function parsed(name: string): Promise<{ gold: Ledger; ledger: Ledger }> {
  const gold = JSON.parse(readFileSync(join(GOLD, `${name}.json`), 'utf8')) as Ledger;
  const ledger = await parseBytes(readFileSync(join(NOTICES, `${name}.txt`)), { name: `${name}.txt` });
  return { gold, ledger };
}

describe('seed notices against gold', () => {
  it('has the five seeds', () => expect(names).toHaveLength(5));

  for (const name of names) {
    it(`${name} scores at or above every threshold`, async () => {
      const { gold, ledger } = await parsed(name);
      const { figures } = scoreLedger(gold, ledger);
      expect(shortfalls(figures)).toEqual([]);
    });

    it(`${name}: every task's line is the line its text starts on`, async () => {
      const { gold, ledger } = await parsed(name);
      const lines = new Map(ledger.tasks.map((t) => [t.id, t.line]));
      for (const task of gold.tasks) expect([task.id, lines.get(task.id)]).toEqual([task.id, task.line]);
    });
  }

  it('scores at or above every threshold in total', async () => {
    const counts = [];
    for (const name of names) {
      const { gold, ledger } = await parsed(name);
      counts.push(scoreLedger(gold, ledger).counts);
    }
    const total = figuresOf(addCounts(counts));
    for (const key of Object.keys(THRESHOLDS) as (keyof typeof THRESHOLDS)[]) expect(total[key]).toBeGreaterThanOrEqual(THRESHOLDS[key]);
  });

  it('a ledger that misses tasks falls below the thresholds', async () => {
    const { gold, ledger } = await parsed(names[0]!);
    const { figures } = scoreLedger(gold, { ...ledger, tasks: ledger.tasks.slice(0, ledger.tasks.length / 2) });
    expect(shortfalls(figures)).toContainEqual(expect.stringMatching(/^taskF1=/));
  });
});
