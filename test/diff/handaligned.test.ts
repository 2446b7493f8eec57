import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreAlignment, type HandAlignment, type IdPair } from '../../src/diff/alignment-score.js';
import { diffLedgers } from '../../src/diff/diff.js';
import type { DiffReport } from '../../src/diff/types.js';
import type { Ledger } from '../../src/model.js';
import { diffFixture, ledgerOfFile, ROOT } from './helpers.js';

// The real year series aligned by reading (fixtures/diff/*.json; docs/diff.md tells how): the diff
// must find the pairs a reader makes. The weights of the signals were fitted on these three, so the
// floors below are today's figures, kept to catch a regression, not a measure of what is unseen.

interface Series extends HandAlignment {
  series: string;
  old: string;
  new: string;
}

const FLOORS: Record<string, { precision: number; recall: number }> = {
  'fujian-2017-2018': { precision: 0.85, recall: 0.85 },
  'fujian-2018-2019': { precision: 0.8, recall: 0.65 },
  'pingtan-2021-2022': { precision: 0.6, recall: 0.5 },
};

function handAlignment(name: string): Series {
  return JSON.parse(readFileSync(`${ROOT}fixtures/diff/${name}.json`, 'utf8')) as Series;
}

const isPart = (kind: string | undefined) => kind === 'split' || kind === 'merged';

describe.each(Object.keys(FLOORS))('%s', (name) => {
  const hand = handAlignment(name);
  let before: Ledger;
  let after: Ledger;
  let report: DiffReport;

  beforeAll(async () => {
    before = await ledgerOfFile(diffFixture(hand.old));
    after = await ledgerOfFile(diffFixture(hand.new));
    report = diffLedgers(before, after);
  });

  it('names tasks the ledgers have', () => {
    const oldIds = new Set(before.tasks.map((task) => task.id));
    const newIds = new Set(after.tasks.map((task) => task.id));
    for (const [oldId, newId] of [...hand.pairs, ...hand.related, ...hand.doubtful]) {
      expect(oldIds.has(oldId), `${oldId} in ${hand.old}`).toBe(true);
      expect(newIds.has(newId), `${newId} in ${hand.new}`).toBe(true);
    }
  });

  it(`finds the pairs a reader makes: precision ≥ ${FLOORS[name]!.precision}, recall ≥ ${FLOORS[name]!.recall}`, () => {
    const ids = (pairs: typeof report.pairs): IdPair[] => pairs.map((pair) => [pair.old!.id, pair.new!.id]);
    const paired = ids(report.pairs.filter((pair) => pair.old !== null && pair.new !== null && !isPart(pair.kinds[0])));
    const parts = ids(report.pairs.filter((pair) => isPart(pair.kinds[0])));
    const score = scoreAlignment(hand, paired, parts);
    expect(score.precision).toBeGreaterThanOrEqual(FLOORS[name]!.precision);
    expect(score.recall).toBeGreaterThanOrEqual(FLOORS[name]!.recall);
  });
});

describe('scoreAlignment', () => {
  const hand: HandAlignment = { pairs: [['1', 'a'], ['2', 'b']], related: [['3', 'b']], doubtful: [['4', 'c']] };

  it('counts a related or doubtful pair as not wrong, and a split or merger as found', () => {
    expect(scoreAlignment(hand, [['1', 'a'], ['3', 'b'], ['4', 'c']], [['2', 'b']])).toMatchObject({ precision: 1, recall: 1 });
    expect(scoreAlignment(hand, [['1', 'b'], ['2', 'b']])).toMatchObject({ precision: 0.5, recall: 0.5 });
    expect(scoreAlignment(hand, [['1', 'a']], [['5', 'a']])).toMatchObject({ precision: 0.5, recall: 0.5 });
    expect(scoreAlignment(hand, [])).toMatchObject({ precision: 1, recall: 0 });
  });
});
