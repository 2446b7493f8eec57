// npm run bench:batch — one batch of ≥ 1,000 notices, `taizhang parse DIR -o OUT`, on one thread
// (--threads 1, in-process) and on two worker threads (--threads 2): wall time, throughput and peak
// memory (maximum resident set size of the whole process, threads included). Runs alternate
// between the two settings so that a busy machine slows both alike; figures are medians.
// The corpus is generated into bench/corpus-batch/ (git-ignored). MB = 10^6 bytes.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';
import { corpusFiles } from './make-corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS_DIR = fileURLToPath(new URL('./corpus-batch/', import.meta.url));
const NOTICES = 1200;
const THREADS = [1, 2];
const RUNS = 3;
const GNU_TIME = '/usr/bin/time';

build(ROOT);
const files = corpusFiles({ dir: CORPUS_DIR, minBytes: 0, minFiles: NOTICES });
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
const timeTool = hasGnuTime() ? '/usr/bin/time -v' : 'bench/maxrss.mjs';
console.log(`${files.length} notices, ${(bytes / 1e6).toFixed(1)} MB; ${RUNS} runs per setting, peak memory by ${timeTool}`);

// Other work on the machine takes cores from the threads: the load average says how much.
const loadBefore = loadavg()[0];
const runs = Object.fromEntries(THREADS.map((threads) => [threads, []]));
runBatch(THREADS[0]); // warm-up: the file cache, the compiled code cache
for (let run = 0; run < RUNS; run++) for (const threads of THREADS) runs[threads].push(runBatch(threads));
printTable();

function hasGnuTime() {
  return existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true']).status === 0;
}

/** One `taizhang parse` of the whole corpus: wall time (ms) and peak memory (kB). */
function runBatch(threads) {
  const out = mkdtempSync(join(tmpdir(), 'taizhang-bench-'));
  try {
    const cli = ['bin/taizhang.js', 'parse', CORPUS_DIR, '-o', out, '--threads', String(threads), '--quiet'];
    const [command, args] = timeTool === 'bench/maxrss.mjs'
      ? [process.execPath, ['bench/maxrss.mjs', ...cli]]
      : [GNU_TIME, ['-v', process.execPath, ...cli]];
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
    const wallMs = performance.now() - start;
    if (result.status !== 0) throw new Error(`bench: taizhang parse exited with ${result.status}:\n${result.stderr}`);
    const written = readdirSync(out).length;
    if (written !== files.length) throw new Error(`bench: ${written} ledgers written for ${files.length} notices`);
    const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
    if (peak === null) throw new Error(`bench: no peak memory in\n${result.stderr}`);
    return { wallMs, peakKB: Number(peak[1]) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function printTable() {
  const one = median(runs[1].map((run) => run.wallMs));
  const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`;
  console.log(`\nNode ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${load}\n`);
  console.log('| threads | wall time | throughput | notices/s | peak memory | speed-up |');
  console.log('|---|---|---|---|---|---|');
  for (const threads of THREADS) {
    const wallMs = median(runs[threads].map((run) => run.wallMs));
    const peakMB = median(runs[threads].map((run) => run.peakKB)) / 1024;
    const cells = [
      threads === 1 ? '1 (in-process)' : `${threads} (worker threads)`,
      `${(wallMs / 1000).toFixed(1)} s`,
      `${(bytes / 1e3 / wallMs).toFixed(1)} MB/s`,
      `${((files.length * 1000) / wallMs).toFixed(0)}`,
      `${peakMB.toFixed(0)} MB`,
      `${(one / wallMs).toFixed(2)}×`,
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}
