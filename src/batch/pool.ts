import { availableParallelism } from 'node:os';
import { asError } from '../errors.js';
import { produce, type BatchInput, type InputResult, type RenderingRequest } from './produce.js';

export type { BatchInput, InputResult, ParsedInput, RenderingRequest } from './produce.js';
export type { Rendering } from './renderers.js';

/**
 * How much text a worker thread must be given to pay for itself. Each thread loads the pipeline
 * and compiles its hot code anew: it parses at half speed for its first several megabytes. On two
 * cores (`npm run bench:batch`), two threads lose to one on a 23 MB batch and win from about 30 MB.
 */
export const BYTES_PER_THREAD = 16_000_000;

/**
 * How many threads a batch is worth: one per core, fewer when there is too little text for them
 * (`bytes` counts the inputs whose size is known before reading: files, not URLs or stdin).
 */
export function threadsFor(inputs: number, bytes: number): number {
  return Math.max(1, Math.min(availableParallelism(), inputs, Math.floor(bytes / BYTES_PER_THREAD)));
}

export interface PoolOptions {
  /** The script each thread runs: worker.js beside this module, unless a test swaps in its own. */
  workerScript?: URL;
}

/**
 * Parses many notices and hands what was made of each (the renderings `request` asks for) to `onResult` in input order, one at a
 * time. An input yielded as an Error (it could not be read) is handed on as it is. With more than
 * one thread, the notices are parsed on worker threads; inputs are pulled from `inputs` only as a
 * thread becomes free, so a batch of any size holds a few inputs in memory at a time. A failing
 * input, even one that kills its thread, fails alone: the batch goes on.
 */
export async function parseMany(
  inputs: AsyncIterable<BatchInput | Error> | Iterable<BatchInput | Error>,
  threads: number,
  onResult: (index: number, result: InputResult) => void | Promise<void>,
  request: RenderingRequest,
  options: PoolOptions = {},
): Promise<void> {
  const ahead = readAhead(inputs);
  if (threads <= 1) {
    let index = 0;
    for await (const input of ahead) {
      await onResult(index++, input instanceof Error ? input : await produce(input, request).catch(asError));
    }
    return;
  }

  // The thread machinery loads only for a batch that uses it.
  const { parseOnThreads } = await import('./threads.js');
  await parseOnThreads(ahead, threads, onResult, request, options.workerScript ?? new URL('./worker.js', import.meta.url));
}

/**
 * The inputs, each asked for as soon as the one before it is taken: reading the next file goes on
 * while this one is parsed, instead of before it.
 */
async function* readAhead<T>(inputs: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  const iterator = Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : inputs[Symbol.iterator]();
  let next = Promise.resolve(iterator.next());
  for (;;) {
    const result = await next;
    if (result.done === true) return;
    next = Promise.resolve(iterator.next());
    // Awaited on the next round; until then a failure must not count as unhandled.
    next.catch(() => undefined);
    yield result.value;
  }
}
