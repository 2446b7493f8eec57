// npm run bench:diff — how long `taizhang diff` takes, and how much memory, by size:
//   200 × 200 tasks (target ≤ 1 s, the segmenter's loading included), 3,000 × 3,000 and
//   10,000 × 10,000 (target ≤ 10 s and ≤ 1 GB each). Each size runs in a process of its own, so
//   that its peak memory is its own and its first diff pays for loading jieba as a user's does.
// The years are made from the real notices in fixtures/: tasks recombined sentence by sentence
// (so that every text is new), then a "next year" of them shuffled, a tenth dropped, a tenth
// added and a third reworded. Builds dist/ first so it measures the current source.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from './build.mjs';
import { machine } from './report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = [200, 3000, 10000];
const TARGET_SECONDS = { 200: 1, 3000: 10, 10000: 10 };
const TARGET_MB = 1000;
const RUNS = 3;

/** A deterministic random number generator (a linear congruential one), so that runs compare. */
function generator(seed) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

async function sourceTasks() {
  const { parseBytes } = await import(pathToFileURL(`${ROOT}dist/pipeline.js`).href);
  const files = [
    ...readdirSync(`${ROOT}fixtures/notices`).map((name) => `${ROOT}fixtures/notices/${name}`),
    ...['01', '02', '12', '13', '15'].map((prefix) => {
      // Each real page is in a folder of its name.
      const name = readdirSync(`${ROOT}fixtures/html/realworld`).find((page) => page.startsWith(`${prefix}-`));
      return `${ROOT}fixtures/html/realworld/${name}/${name}.html`;
    }),
  ];
  const ledgers = await Promise.all(files.map(async (file) => parseBytes(readFileSync(file), { name: file })));
  return { template: ledgers[0], tasks: ledgers.flatMap((ledger) => ledger.tasks) };
}

/** `count` tasks, each of two to four sentences of the real tasks, under real sections. */
function recombined(tasks, count, random, prefix) {
  const sentences = tasks.flatMap((task) => task.text.split(/(?<=[。；])/).filter((sentence) => sentence.length > 4));
  const pick = (list) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, index) => {
    const base = pick(tasks);
    const parts = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(sentences));
    return { ...base, id: `${prefix}${index + 1}`, seq: index + 1, text: parts.join('') };
  });
}

/** Next year's tasks: shuffled, a tenth dropped, a tenth new, a third with a sentence reworded. */
function nextYear(tasks, fresh, random) {
  const kept = tasks.filter(() => random() >= 0.1).map((task) => {
    if (random() >= 0.33) return { ...task };
    const sentences = task.text.split(/(?<=[。；])/);
    sentences[Math.floor(random() * sentences.length)] = fresh[Math.floor(random() * fresh.length)].text.split(/(?<=[。；])/)[0];
    return { ...task, text: sentences.join('') };
  });
  const added = fresh.slice(0, Math.round(tasks.length / 10));
  const all = [...kept, ...added];
  for (let index = all.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [all[index], all[other]] = [all[other], all[index]];
  }
  return all.map((task, index) => ({ ...task, id: `n${index + 1}`, seq: index + 1 }));
}

async function measure(size) {
  const { template, tasks } = await sourceTasks();
  const random = generator(size);
  const before = recombined(tasks, size, random, 'o');
  const after = nextYear(before, recombined(tasks, size, random, 'x'), random);
  const ledger = (name, list) => ({ ...template, source: { ...template.source, name }, tasks: list });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { diffLedgers } = await import(pathToFileURL(`${ROOT}dist/diff/diff.js`).href);
  const report = diffLedgers(ledger('old', before), ledger('new', after));
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpuBefore);
  const cpuSeconds = (user + system) / 1e6;
  const paired = report.pairs.filter((pair) => pair.old !== null && pair.new !== null).length;
  process.stdout.write(JSON.stringify({ size, newTasks: after.length, seconds, cpuSeconds, paired, maxRssMB: process.resourceUsage().maxRSS / 1000 }));
}

if (process.argv[2] === '--size') {
  await measure(Number(process.argv[3]));
} else {
  build(ROOT);
  console.log(`diff benchmark — ${machine()}; median of ${RUNS} runs, each in a new process (jieba's loading included)`);
  for (const size of SIZES) {
    const runs = Array.from({ length: RUNS }, () => {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--size', String(size)], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`bench:diff ${size}: ${child.stderr}`);
      return JSON.parse(child.stdout);
    });
    runs.sort((a, b) => a.seconds - b.seconds);
    const { seconds, cpuSeconds, maxRssMB, newTasks, paired } = runs[RUNS >> 1];
    const verdict = seconds <= TARGET_SECONDS[size] && maxRssMB <= TARGET_MB ? 'ok' : 'OVER TARGET';
    // CPU time beside wall time: on a machine shared with other work the wall time says more about the neighbours.
    console.log(
      `${size} × ${newTasks} tasks: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (target ≤ ${TARGET_SECONDS[size]} s), ` +
        `peak ${maxRssMB.toFixed(0)} MB (≤ ${TARGET_MB}), ${paired} pairs  ${verdict}`,
    );
  }
}
