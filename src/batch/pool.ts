import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { Ledger } from '../model.js';
import { parseBytes } from '../pipeline.js';

export interface Job {
  id: number;
  name: string;
  bytes: Uint8Array;
  encoding?: string;
}

export type Outcome =
  | { id: number; ledger: Ledger }
  | { id: number; error: { message: string; input: boolean; exitCode: number } };

export interface BatchInput {
  name: string;
  bytes: Uint8Array;
  encoding?: string;
}

/** Below this many inputs, starting threads costs more than it saves. */
export const PARALLEL_FROM = 16;

/** How many threads a batch of this size is worth: one per core, only for a large batch. */
export function threadsFor(inputs: number): number {
  return inputs >= PARALLEL_FROM ? Math.max(1, Math.min(availableParallelism(), inputs)) : 1;
}

function failure(outcome: Extract<Outcome, { error: unknown }>): Error {
  return outcome.error.input ? new InputError(outcome.error.message, outcome.error.exitCode) : new Error(outcome.error.message);
}

/**
 * Parses many notices, on several threads when there are enough of them, and hands each result
 * to `onResult` in input order (a ledger, or the error that input raised).
 */
export async function parseMany(
  inputs: AsyncIterable<BatchInput> | Iterable<BatchInput>,
  threads: number,
  onResult: (index: number, result: Ledger | Error) => void | Promise<void>,
): Promise<void> {
  if (threads <= 1) {
    let index = 0;
    for await (const input of inputs) {
      let result: Ledger | Error;
      try {
        result = await parseBytes(input.bytes, { name: input.name, encoding: input.encoding });
      } catch (error) {
        result = error instanceof Error ? error : new Error(String(error));
      }
      await onResult(index++, result);
    }
    return;
  }

  const workers = Array.from({ length: threads }, () => new Worker(new URL('./worker.js', import.meta.url)));
  const idle = [...workers];
  const waiting: (() => void)[] = [];
  const done = new Map<number, Ledger | Error>();
  let next = 0;
  let flushing = Promise.resolve();
  const flush = () => {
    flushing = flushing.then(async () => {
      while (done.has(next)) {
        const result = done.get(next)!;
        done.delete(next);
        await onResult(next++, result);
      }
    });
  };
  const pending = new Set<Promise<void>>();
  try {
    let id = 0;
    for await (const input of inputs) {
      while (idle.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
      const worker = idle.pop()!;
      const job: Job = { id: id++, name: input.name, bytes: input.bytes, encoding: input.encoding };
      const finished = new Promise<void>((resolve) => {
        const onMessage = (outcome: Outcome) => {
          worker.off('message', onMessage);
          done.set(outcome.id, 'ledger' in outcome ? outcome.ledger : failure(outcome));
          idle.push(worker);
          waiting.shift()?.();
          flush();
          resolve();
        };
        worker.on('message', onMessage);
      });
      pending.add(finished);
      void finished.then(() => pending.delete(finished));
      worker.postMessage(job);
    }
    await Promise.all(pending);
    await flushing;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
