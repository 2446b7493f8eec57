// npm run bench:batch — batches of 1,200 and 4,800 notices, `taizhang parse DIR` with a ledger
// file per notice (-o OUT/) and with one JSON-lines file (--jsonl -o OUT.jsonl), on one thread
// (--threads 1, in-process) and on two worker threads (--threads 2): wall time, throughput and
// peak memory (maximum resident set size of the whole process, threads included). Runs
// alternate between the two settings so that a busy machine slows both alike; figures are
// medians. The corpora are generated into bench/corpus-batch*/ (git-ignored). MB = 10^6 bytes.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';
import { formatMB, machine, median } from './report.mjs';
import { corpusFiles } from './make-corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Batch sizes: one where threads do not pay for starting on two cores, one where they do. */
const BATCHES = [
  { notices: 1200, dir: fileURLToPath(new URL('./corpus-batch/', import.meta.url)) },
  { notices: 4800, dir: fileURLToPath(new URL('./corpus-batch-4800/', import.meta.url)) },
];
const THREADS = [1, 2];
/** Where the ledgers go: a file each (creating thousands of files costs the file system), or one file. */
const OUTPUTS = ['files', 'jsonl'];
const RUNS = 3;
const GNU_TIME = '/usr/bin/time';

build(ROOT);
const timeTool = hasGnuTime() ? '/usr/bin/time -v' : 'bench/maxrss.mjs';
// Other work on the machine takes cores from the threads: the load average says how much.
const loadBefore = loadavg()[0];
const results = BATCHES.map(({ notices, dir }) => {
  const files = corpusFiles({ dir, minBytes: 0, minFiles: notices });
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  console.log(`${files.length} notices, ${formatMB(bytes)} MB; ${RUNS} runs per setting, peak memory by ${timeTool}`);
  runBatch(dir, files.length, 'jsonl', THREADS[0]); // warm-up: the file cache
  return OUTPUTS.map((output) => {
    const runs = Object.fromEntries(THREADS.map((threads) => [threads, []]));
    for (let run = 0; run < RUNS; run++) for (const threads of THREADS) runs[threads].push(runBatch(dir, files.length, output, threads));
    return { files, bytes, output, runs };
  });
}).flat();
printTable();

function hasGnuTime() {
  return existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true']).status === 0;
}

/** One `taizhang parse` of the whole corpus: wall time (ms) and peak memory (kB). */
function runBatch(dir, notices, output, threads) {
  const out = mkdtempSync(join(tmpdir(), 'taizhang-bench-'));
  try {
    const target = output === 'jsonl' ? ['--jsonl', '-o', join(out, 'ledgers.jsonl')] : ['-o', out];
    const cli = ['bin/taizhang.js', 'parse', dir, ...target, '--threads', String(threads), '--quiet'];
    const [command, args] = timeTool === 'bench/maxrss.mjs'
      ? [process.execPath, ['bench/maxrss.mjs', ...cli]]
      : [GNU_TIME, ['-v', process.execPath, ...cli]];
    const start = performance.now();
    // stderr holds the notices' warnings (megabytes for thousands of shuffled copies) before the peak memory.
    const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20 });
    const wallMs = performance.now() - start;
    if (result.status !== 0) throw new Error(`bench: taizhang parse exited with ${result.status}:\n${result.stderr}`);
    const written = output === 'jsonl' ? readFileSync(join(out, 'ledgers.jsonl'), 'utf8').trimEnd().split('\n').length : readdirSync(out).length;
    if (written !== notices) throw new Error(`bench: ${written} ledgers written for ${notices} notices`);
    const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
    if (peak === null) throw new Error(`bench: no peak memory in\n${result.stderr}`);
    return { wallMs, peakKB: Number(peak[1]) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function printTable() {
  const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`;
  console.log(`\n${machine()}, ${load}\n`);
  console.log('| notices | output | threads | wall time | throughput | notices/s | peak memory | speed-up |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { files, bytes, output, runs } of results) {
    const one = median(runs[1].map((run) => run.wallMs));
    for (const threads of THREADS) {
      const wallMs = median(runs[threads].map((run) => run.wallMs));
      const peakMB = median(runs[threads].map((run) => run.peakKB)) / 1024;
      const cells = [
        `${files.length} (${formatMB(bytes)} MB)`,
        output === 'jsonl' ? '`--jsonl`, one file' : 'a file each',
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
}
