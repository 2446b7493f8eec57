// npm run bench — two measurements, each against opencc-js's t→cn conversion (the one heavy library
// any such tool loads) so the figures mean something across machines:
//   (a) cold start: `taizhang parse` of one notice, spawned, vs a script that only converts it;
//   (b) batch throughput, in-process: the pipeline over a ≥10 MB corpus vs the conversion alone.
// Builds dist/ first so it measures the current source. MB = 10^6 bytes.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js/t2cn';
import { build } from './build.mjs';
import { formatMB, machine, median } from './report.mjs';
import { corpusFiles } from './make-corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// A simplified notice (OpenCC's dictionaries are not even loaded) and a traditional one.
const NOTICES = ['fixtures/notices/yancheng-2016.txt', 'fixtures/notices/taishan-2019.txt'];
const BIN = 'bin/taizhang.js';
const COLD_RUNS = 15;
/** A cold parse against the opencc-only script (issue 12): a simplified notice loads no dictionary at all. */
const COLD_TARGETS = { 'fixtures/notices/yancheng-2016.txt': 1.0, 'fixtures/notices/taishan-2019.txt': 1.2 };
const THROUGHPUT_TARGET = 0.5;
/** Timed rounds of passes over the corpus stop after this long (at least one round) or this many rounds. */
const ROUNDS_BUDGET_MS = 30000;
const MAX_ROUNDS = 7;

build(ROOT);
/** The one-minute load average before the runs: on a shared machine, the figures depend on it. */
const loadBefore = loadavg()[0];
const cold = measureColdStart();
const batch = await measureThroughput();
printSummary(cold, batch);

// ---- (a) cold start ----

function measureColdStart() {
  const commands = { node: ['-e', ''] };
  for (const notice of NOTICES) {
    commands[`openccOnly ${notice}`] = ['bench/opencc-only.mjs', notice];
    commands[`parse ${notice}`] = [BIN, 'parse', notice, '--format', 'json'];
  }
  const parseProblem = checkParse(commands[`parse ${NOTICES[0]}`]);
  if (parseProblem !== null) {
    console.log(`(a) cold start: skipping \`taizhang parse\`: ${parseProblem}`);
    for (const notice of NOTICES) delete commands[`parse ${notice}`];
  }
  console.log(`(a) cold start: ${COLD_RUNS} runs of ${Object.keys(commands).join(', ')}, interleaved…`);
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let run = 0; run < COLD_RUNS; run++) {
    for (const [name, args] of Object.entries(commands)) times[name].push(timeSpawn(args));
  }
  const medians = Object.fromEntries(Object.entries(times).map(([name, ms]) => [name, median(ms)]));
  return { ...medians, parseProblem };
}

/** Why the CLI cannot be benchmarked yet (missing, failing, not printing JSON), or null. */
function checkParse(args) {
  if (!existsSync(ROOT + BIN)) return `${BIN} does not exist yet`;
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) return `it exits with ${result.status}: ${result.stderr.trim().split('\n')[0]}`;
  try {
    JSON.parse(result.stdout);
  } catch {
    return 'its output is not JSON';
  }
  return null;
}

function timeSpawn(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`bench: node ${args.join(' ')} exited with ${result.status}`);
  return elapsed;
}

// ---- (b) batch throughput ----

async function measureThroughput() {
  const { parseBytes } = await import(pathToFileURL(`${ROOT}dist/pipeline.js`).href);
  const files = corpusFiles().map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
  const texts = files.map((file) => file.bytes.toString('utf8'));
  const totalBytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  console.log(`(b) throughput: ${files.length} files, ${formatMB(totalBytes)} MB; warming up…`);

  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  const failures = [];
  const pipelinePass = async () => {
    failures.length = 0;
    for (const file of files) {
      try {
        await parseBytes(file.bytes, { name: file.name });
      } catch (error) {
        failures.push(`${file.name}: ${error.message}`);
      }
    }
  };
  const openccPass = () => {
    for (const text of texts) toSimplified(text);
  };

  // The batch mode of `taizhang parse DIR`, on the corpus three times over: as many threads as it
  // chooses for that much text, and worker threads on every core whatever the size. A pass starts
  // its threads anew, as a run of the command does.
  const { parseMany, threadsFor } = await import(pathToFileURL(`${ROOT}dist/batch/pool.js`).href);
  const batch = [...files, ...files, ...files];
  const threads = threadsFor(batch.length, totalBytes * 3);
  const allCores = cpus().length;
  const batchPass = (count) => () => parseMany(batch, count, () => {}, {});

  const passes = { opencc: openccPass, pipeline: pipelinePass, batch: batchPass(threads) };
  if (allCores > 1 && allCores !== threads) passes.allCores = batchPass(allCores);
  const rounds = await timeRounds(passes);
  if (failures.length > 0) console.warn(`bench: the pipeline failed on ${failures.length} files, e.g. ${failures[0]}`);
  // Throughput in MB/s (bytes per ms / 1000); a batch pass parses the corpus three times.
  const speed = (name, times = 1) => median(rounds.map((round) => (times * totalBytes) / 1e3 / round[name]));
  // Each ratio is taken within a round, so that a machine slowing down between rounds slows both sides.
  const ratio = (name, times = 1) => median(rounds.map((round) => (times * round.opencc) / round[name]));
  return {
    files: files.length,
    totalBytes,
    failures: failures.length,
    rounds: rounds.length,
    threads,
    allCores,
    opencc: speed('opencc'),
    pipeline: speed('pipeline'),
    pipelineRatio: ratio('pipeline'),
    batch: speed('batch', 3),
    batchRatio: ratio('batch', 3),
    allCoresBatch: passes.allCores ? speed('allCores', 3) : null,
    allCoresRatio: passes.allCores ? ratio('allCores', 3) : null,
  };
}

/**
 * Times of each pass, round after round: an untimed warm-up round first (JIT, lazy imports,
 * caches), then rounds until the time budget or the number of rounds is spent.
 */
async function timeRounds(passes) {
  for (const pass of Object.values(passes)) await pass();
  const rounds = [];
  const start = performance.now();
  while (rounds.length < MAX_ROUNDS && (rounds.length === 0 || performance.now() - start < ROUNDS_BUDGET_MS)) {
    const round = {};
    for (const [name, pass] of Object.entries(passes)) {
      const passStart = performance.now();
      await pass();
      round[name] = performance.now() - passStart;
    }
    rounds.push(round);
  }
  return rounds;
}

// ---- report ----

function printSummary(cold, batch) {
  const rows = [['node -e \'\'', `${cold.node.toFixed(0)} ms`, '']];
  for (const notice of NOTICES) {
    const name = basename(notice);
    const opencc = cold[`openccOnly ${notice}`];
    rows.push([`opencc-only: t→cn of ${name}`, `${opencc.toFixed(0)} ms`, '']);
    if (cold.parseProblem !== null) {
      rows.push(['taizhang parse', 'not measured', cold.parseProblem]);
      continue;
    }
    const ratio = cold[`parse ${notice}`] / opencc;
    rows.push(
      [`taizhang parse ${name} --format json`, `${cold[`parse ${notice}`].toFixed(0)} ms`, ''],
      [`cold parse / opencc-only (${name})`, `${ratio.toFixed(2)}×`, verdict(ratio <= COLD_TARGETS[notice], `≤ ${COLD_TARGETS[notice]}`)],
    );
  }
  const failed = batch.failures > 0 ? ` (${batch.failures} failed)` : '';
  rows.push(
    ['opencc t→cn alone, corpus', `${batch.opencc.toFixed(1)} MB/s`, ''],
    [`pipeline, one thread, ${batch.files} files, ${formatMB(batch.totalBytes)} MB${failed}`, `${batch.pipeline.toFixed(1)} MB/s`, ''],
    ['one thread / opencc-only', `${batch.pipelineRatio.toFixed(2)}×`, verdict(batch.pipelineRatio >= THROUGHPUT_TARGET, `≥ ${THROUGHPUT_TARGET}`)],
    [`batch mode (\`parse DIR\`) on ${formatMB(batch.totalBytes * 3)} MB: ${threadCount(batch.threads)}`, `${batch.batch.toFixed(1)} MB/s`, ''],
    ['batch mode / opencc-only', `${batch.batchRatio.toFixed(2)}×`, verdict(batch.batchRatio >= THROUGHPUT_TARGET, `≥ ${THROUGHPUT_TARGET}`)],
  );
  if (batch.allCoresBatch !== null) {
    rows.push([`the same on ${batch.allCores} worker threads (\`--threads ${batch.allCores}\`)`, `${batch.allCoresBatch.toFixed(1)} MB/s`, `${batch.allCoresRatio.toFixed(2)}× (not the default at this size)`]);
  }

  const load = `load average ${loadBefore.toFixed(1)} before the runs, ${loadavg()[0].toFixed(1)} after`;
  console.log(`\n${machine()}, ${load}; cold times are medians of ${COLD_RUNS} interleaved runs, throughput of ${batch.rounds} rounds\n`);
  console.log('| measure | result | target |');
  console.log('|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

function threadCount(threads) {
  return threads === 1 ? '1 thread (the main one)' : `${threads} worker threads`;
}

function verdict(met, target) {
  return `${target} ${met ? '✓' : '✗'}`;
}
