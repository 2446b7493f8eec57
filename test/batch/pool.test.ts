import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Pool from '../../src/batch/pool.js';
import { InputError } from '../../src/errors.js';
import type { Exported } from '../../src/export/index.js';
import type { Ledger } from '../../src/model.js';
import { NOTICES, ROOT } from '../support/cli.js';
import { temporaryFolder } from '../support/folder.js';

// The threads run dist/batch/worker.js (test/support/global-setup.ts builds dist/), so the pool is the
// built one too: its errors are dist's InputError, recognised here by name and exit code.
const { parseMany, threadsFor, BYTES_PER_THREAD } = (await import(pathToFileURL(join(ROOT, 'dist/batch/pool.js')).href)) as typeof Pool;

type Outcome = Pool.InputResult;
type BatchInput = Pool.BatchInput;

const notice = (name: string): BatchInput => ({ name, bytes: new Uint8Array(readFileSync(join(NOTICES, name))) });
const NOT_A_NOTICE: BatchInput = { name: 'binary.txt', bytes: new Uint8Array([0x50, 0x4b, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0]) };

/** Each ledger as one line of JSON, under the name `ledger`. */
const LEDGER_LINE: Pool.RenderingRequest = { ledger: { renderer: 'ledger-line' } };

/** Runs a batch and collects the outcomes in the order they were handed over. */
async function collect(
  inputs: Iterable<BatchInput | Error> | AsyncIterable<BatchInput | Error>,
  threads: number,
  request: Pool.RenderingRequest = LEDGER_LINE,
  options?: Pool.PoolOptions,
): Promise<{ index: number; outcome: Outcome }[]> {
  const results: { index: number; outcome: Outcome }[] = [];
  await parseMany(inputs, threads, (index, outcome) => void results.push({ index, outcome }), request, options);
  return results;
}

/** The text of a rendering that was made. */
function outputOf(outcome: Pool.ParsedInput, name: string): Exported {
  const made = outcome.outputs[name];
  if (made === undefined || 'error' in made) throw new Error(`no ${name} made`);
  return made.output;
}

function ledgerName(outcome: Outcome): string {
  if (outcome instanceof Error) throw outcome;
  return (JSON.parse(String(outputOf(outcome, 'ledger'))) as Ledger).source.name;
}

function expectInputError(outcome: Outcome, fragment: RegExp): void {
  expect(outcome).toBeInstanceOf(Error);
  const error = outcome as InputError;
  expect(error.name).toBe('InputError');
  expect(error.exitCode).toBe(2);
  expect(error.message).toMatch(fragment);
}

describe('threadsFor', () => {
  it('gives each thread enough text to pay for starting it, and no more threads than cores or inputs', () => {
    const cores = availableParallelism();
    expect(threadsFor(1, 0)).toBe(1);
    expect(threadsFor(1200, BYTES_PER_THREAD * 2 - 1)).toBe(1); // a batch of many small notices
    expect(threadsFor(1200, BYTES_PER_THREAD * 2)).toBe(Math.min(cores, 2));
    expect(threadsFor(1200, BYTES_PER_THREAD * 1000)).toBe(cores);
    expect(threadsFor(1, BYTES_PER_THREAD * 1000)).toBe(1); // one huge file: one thread
    expect(threadsFor(1000, 0)).toBe(1); // URLs: their size is not known
  });
});

describe.each([1, 2])('parseMany on %i thread(s)', (threads) => {
  // Long and short notices interleaved, so that on two threads they finish out of order.
  const names = ['hainan-2018.txt', 'taishan-2019.txt', 'luan-2017.txt', 'nanchang-2021.txt', 'yancheng-2016.txt'];
  const inputs = () => [...names, ...names].map(notice);

  it('hands every result over once, in input order', async () => {
    const batch = inputs();
    const results = await collect(batch, threads);
    expect(results.map((result) => result.index)).toEqual(batch.map((_, index) => index));
    expect(results.map((result) => ledgerName(result.outcome))).toEqual(batch.map((input) => input.name));
    // The bytes were copied to the threads, not taken from the caller.
    expect(batch.every((input) => input.bytes.length > 0)).toBe(true);
  });

  it('fails a bad input alone, and passes on an input that could not be read', async () => {
    const unreadable = new InputError('no such file');
    const results = await collect([notice('luan-2017.txt'), NOT_A_NOTICE, unreadable, notice('taishan-2019.txt')], threads);
    expect(ledgerName(results[0]!.outcome)).toBe('luan-2017.txt');
    expectInputError(results[1]!.outcome, /./);
    expect(results[2]!.outcome).toBe(unreadable);
    expect(ledgerName(results[3]!.outcome)).toBe('taishan-2019.txt');
  });

  it('renders where it parses and sends back only what was asked', async () => {
    const request: Pool.RenderingRequest = { ledger: { renderer: 'ledger-line' }, explain: { renderer: 'explanation', width: 60 } };
    const [result] = await collect([notice('yancheng-2016.txt')], threads, request);
    const outcome = result!.outcome;
    if (outcome instanceof Error) throw outcome;
    expect('ledger' in outcome).toBe(false);
    const line = outputOf(outcome, 'ledger') as string;
    expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ schema: 'taizhang/1', source: { name: 'yancheng-2016.txt' } });
    expect(outputOf(outcome, 'explain')).toMatch(/^yancheng-2016\.txt\n/);
  });

  it('reads inputs only as they are needed, not all at once', async () => {
    let pulled = 0;
    let furthestAhead = 0;
    async function* lazily(): AsyncGenerator<BatchInput> {
      for (let i = 0; i < 60; i++) {
        pulled++;
        yield notice('taishan-2019.txt');
      }
    }
    await parseMany(
      lazily(),
      threads,
      async (index) => {
        furthestAhead = Math.max(furthestAhead, pulled - index);
        await new Promise((resolve) => setTimeout(resolve, 2)); // a slow writer
      },
      LEDGER_LINE,
    );
    expect(pulled).toBe(60);
    // One input read ahead, plus those the threads are on or have done.
    expect(furthestAhead).toBeLessThanOrEqual(threads === 1 ? 2 : threads * 4 + 2);
  });

  it('stops with the error when handing over a result throws', async () => {
    const stop = new Error('disk full');
    const run = parseMany(
      inputs(),
      threads,
      (index) => {
        if (index === 2) throw stop;
      },
      LEDGER_LINE,
    );
    await expect(run).rejects.toBe(stop);
  });
});

describe('parseMany when a worker thread dies', () => {
  const scratch = temporaryFolder('taizhang-pool-');

  /** A worker script that answers with the input's name, and dies as the input's name says. */
  async function workerScript(body: string): Promise<URL> {
    const path = join(scratch.path, `worker-${Math.random().toString(36).slice(2)}.mjs`);
    await writeFile(path, `import { parentPort } from 'node:worker_threads';\n${body}`);
    return pathToFileURL(path);
  }

  const named = (name: string): BatchInput => ({ name, bytes: new Uint8Array() });

  it('fails only the input it was on, replaces it, and goes on in order', async () => {
    const script = await workerScript(`
      parentPort.on('message', ({ id, input }) => {
        if (input.name === 'exit') process.exit(3);
        if (input.name === 'throw') throw new Error('boom');
        parentPort.postMessage({ id, parsed: { outputs: { name: input.name } } });
      });`);
    const names = ['a', 'exit', 'b', 'throw', 'c', 'exit', 'd', 'e'];
    const results = await collect(names.map(named), 2, undefined, { workerScript: script });
    expect(results.map((result) => result.index)).toEqual(names.map((_, index) => index));
    results.forEach(({ outcome }, index) => {
      const name = names[index]!;
      if (name === 'exit' || name === 'throw') {
        expect(outcome).toBeInstanceOf(Error);
        // A dead thread is a bug, not bad input: no exit code of its own (internal error, 1).
        expect((outcome as InputError).exitCode).toBeUndefined();
        expect((outcome as Error).message).toMatch(name === 'exit' ? /worker thread stopped \(exit code 3\)/ : /boom/);
      } else {
        expect(outcome).toEqual({ outputs: { name } });
      }
    });
  });

  it('does not fail the input read while another input kills the thread it was meant for', async () => {
    // The thread dies a while after it got `exit`; the inputs come slowly (as URLs do), so the
    // next one is read while a place on that dying thread is already taken for it.
    const script = await workerScript(`
      parentPort.on('message', ({ id, input }) => {
        if (input.name === 'exit') setTimeout(() => process.exit(3), 150);
        else parentPort.postMessage({ id, parsed: { outputs: { name: input.name } } });
      });`);
    const names = ['exit', 'b', 'c', 'd', 'e'];
    async function* slowly() {
      for (const name of names) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        yield named(name);
      }
    }
    const results = await collect(slowly(), 2, undefined, { workerScript: script });
    expect(results.map(({ outcome }) => (outcome instanceof Error ? outcome.message : outcome.outputs['name']))).toEqual([
      'the worker thread stopped (exit code 3)',
      ...names.slice(1),
    ]);
  });

  it('fails an input that cannot be sent to a thread alone', async () => {
    const unsendable = { ...notice('taishan-2019.txt'), encoding: (() => 'utf-8') as unknown as string };
    const results = await collect([unsendable, notice('luan-2017.txt')], 2);
    expect(results[0]!.outcome).toBeInstanceOf(Error);
    expect(ledgerName(results[1]!.outcome)).toBe('luan-2017.txt');
  });

  it('does not hang when the threads cannot even start', async () => {
    const script = await workerScript(`throw new Error('cannot start');`);
    const outcomes: Outcome[] = [];
    const settled = await parseMany(['a', 'b', 'c'].map(named), 2, (_index, outcome) => void outcomes.push(outcome), LEDGER_LINE, {
      workerScript: script,
    }).then(
      () => 'finished',
      (error: Error) => error.message,
    );
    // Either every input failed for that reason, or the batch gave up with it.
    if (settled === 'finished') {
      expect(outcomes).toHaveLength(3);
      for (const outcome of outcomes) expect((outcome as Error).message).toMatch(/cannot start/);
    } else {
      expect(settled).toMatch(/cannot start/);
    }
  });
});
