// node bench/diff-fit.mjs — how well `taizhang diff` pairs the tasks of the real series aligned by
// hand in fixtures/diff/, for a grid of signal weights and thresholds: the procedure by which the
// weights in src/diff/signals.ts and the threshold in src/diff/threshold.ts were chosen
// (docs/diff.md, "How the weights were chosen"). Prints the best settings by mean F1 over the
// series, with each series' precision and recall (one-to-one pairs only: no split or merged).
//   node bench/diff-fit.mjs [GRID_JSON] [ROWS]     e.g. '{"terms":[1,2,3],"bigrams":[1],…}' 30

import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from './build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERIES = ['fujian-2017-2018', 'pingtan-2021-2022', 'fujian-2018-2019'];
const DEFAULT_GRID = { terms: [1, 2, 3], bigrams: [0, 1], title: [0, 0.5, 1], section: [0, 0.5, 1], units: [0, 0.5, 1], position: [0, 0.5, 1] };
const THRESHOLDS = Array.from({ length: 21 }, (_, index) => Math.round((0.05 + index * 0.0125) * 10000) / 10000);

build(ROOT, 'diff-fit');
const load = (module) => import(pathToFileURL(`${ROOT}dist/${module}`).href);
const { scorePairs, assignPairs } = await load('diff/align.js');
const { combined, SIGNALS } = await load('diff/signals.js');
const { nameComparer } = await load('diff/unit-changes.js');
const { scoreAlignment } = await load('diff/alignment-score.js');
const { parseBytes } = await load('pipeline.js');

const identify = nameComparer();
const series = await Promise.all(
  SERIES.map(async (name) => {
    const hand = JSON.parse(readFileSync(`${ROOT}fixtures/diff/${name}.json`, 'utf8'));
    const ledger = (file) => parseBytes(readFileSync(`${ROOT}fixtures/html/realworld/${file.replace(/\.html$/, '')}/${file}`), { name: file });
    const [before, after] = [await ledger(hand.old), await ledger(hand.new)];
    const regions = { old: before.meta.region, new: after.meta.region };
    // The signals do not depend on the weights: scored once, combined anew for each setting.
    const { scored } = scorePairs(before.tasks, after.tasks, { unitKey: (unit, side) => identify(unit, regions[side]).canonical });
    return { name, hand, before, after, scored };
  }),
);

function* settings(grid, index = 0, weights = {}) {
  if (index === SIGNALS.length) {
    if (Object.values(weights).some((weight) => weight > 0)) yield { ...weights };
    return;
  }
  for (const weight of grid[SIGNALS[index]]) yield* settings(grid, index + 1, { ...weights, [SIGNALS[index]]: weight });
}

const f1 = ({ precision, recall }) => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));
const grid = process.argv[2] ? JSON.parse(process.argv[2]) : DEFAULT_GRID;
const results = [];
for (const weights of settings(grid)) {
  const rescored = series.map(({ scored }) =>
    scored.map((match) => ({ ...match, similarity: combined(match.signals, weights) })).sort((a, b) => b.similarity - a.similarity),
  );
  for (const threshold of THRESHOLDS) {
    const scores = series.map(({ hand, before, after }, index) => {
      const matches = assignPairs(rescored[index], threshold, before.tasks.length);
      return scoreAlignment(hand, matches.map((match) => [before.tasks[match.old].id, after.tasks[match.new].id]));
    });
    results.push({ weights, threshold, meanF1: scores.map(f1).reduce((a, b) => a + b) / scores.length, scores });
  }
}
results.sort((a, b) => b.meanF1 - a.meanF1);
console.log(`mean F1  threshold  weights  ${SERIES.map((name) => `${name} P/R`).join('  ')}`);
for (const { meanF1, threshold, weights, scores } of results.slice(0, Number(process.argv[3] ?? 20))) {
  const figures = scores.map(({ precision, recall }) => `${precision.toFixed(2)}/${recall.toFixed(2)}`).join('  ');
  console.log(`${meanF1.toFixed(3)}  ${threshold}  ${JSON.stringify(weights)}  ${figures}`);
}
