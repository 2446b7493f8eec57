// The worker-thread side of parseMany: a pool of threads, each parsing one input at a time, and
// the hand-over of their results in input order.

import { Worker } from 'node:worker_threads';
import { errorFromSent, type Job, type Reply } from './messages.js';
import { asError } from '../errors.js';
import type { BatchInput, InputResult, RenderingRequest } from './produce.js';

/**
 * How many inputs may be under way ahead of the next one handed to `onResult`, per thread: enough
 * to keep every thread busy behind a slow input, few enough that memory stays bounded.
 */
const AHEAD_PER_THREAD = 4;

/** parseMany on `threads` worker threads running `workerScript`. */
export async function parseOnThreads(
  inputs: AsyncIterable<BatchInput | Error>,
  threads: number,
  onResult: (index: number, result: InputResult) => void | Promise<void>,
  request: RenderingRequest,
  workerScript: URL,
): Promise<void> {
  const pool = new ThreadPool(threads, workerScript);
  const handOver = new InOrder(onResult);
  const iterator = inputs[Symbol.asyncIterator]();
  let count = 0;
  try {
    for (;;) {
      await handOver.roomFor(count, threads * AHEAD_PER_THREAD);
      // Read the next input only once a thread is free for it.
      const slot = await pool.acquire();
      const next = await iterator.next();
      if (next.done === true) {
        pool.release(slot);
        break;
      }
      const index = count++;
      if (next.value instanceof Error) {
        pool.release(slot);
        handOver.put(index, next.value);
      } else {
        void pool.start(slot, { id: index, input: next.value, request }).then((result) => handOver.put(index, result));
      }
    }
    await handOver.allOf(count);
  } finally {
    await pool.close();
  }
}

/** Hands results on in input order, one at a time, however they arrive. */
class InOrder {
  private readonly arrived = new Map<number, InputResult>();
  private next = 0;
  private handing = false;
  /** What `onResult` threw: it stops the batch. */
  private failure: { error: unknown } | undefined;
  private waiters: (() => void)[] = [];

  constructor(private readonly onResult: (index: number, result: InputResult) => void | Promise<void>) {}

  put(index: number, result: InputResult): void {
    this.arrived.set(index, result);
    void this.handOn();
  }

  private async handOn(): Promise<void> {
    if (this.handing) return; // the loop already running picks this one up
    this.handing = true;
    for (let result = this.arrived.get(this.next); this.failure === undefined && result !== undefined; result = this.arrived.get(this.next)) {
      this.arrived.delete(this.next);
      try {
        await this.onResult(this.next, result);
      } catch (error) {
        this.failure = { error };
      }
      this.next++;
      this.wake();
    }
    this.handing = false;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private async until(done: () => boolean): Promise<void> {
    while (this.failure === undefined && !done()) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure !== undefined) throw this.failure.error;
  }

  /** Waits until the input at `index` would be fewer than `ahead` places ahead of the next handed on. */
  roomFor(index: number, ahead: number): Promise<void> {
    return this.until(() => index - this.next < ahead);
  }

  /** Waits until the first `count` results have been handed on. */
  allOf(count: number): Promise<void> {
    return this.until(() => this.next >= count);
  }
}

/**
 * Jobs sent to a thread before it has answered the one it is on: the next input waits in its
 * queue, so the thread does not idle while its answer travels back and the next job comes.
 */
const JOBS_PER_THREAD = 2;

interface Sent {
  job: Job;
  /** Resolves the job's result. */
  settle: (result: InputResult) => void;
}

interface Slot {
  worker: Worker;
  /** Its jobs in the order sent: the thread works through them one at a time, the first one now. */
  jobs: Sent[];
  /** Whether the thread has answered a job: one that dies before any could not start at all. */
  worked: boolean;
  dead: boolean;
  /** Why the thread died, from its 'error' event ('exit' follows). */
  crash?: Error;
}

function stopped(slot: Slot, otherwise: string): Error {
  return new Error(`the worker thread stopped (${slot.crash?.message ?? otherwise})`);
}

/** Worker threads, each with a few jobs queued; one that dies is replaced. */
class ThreadPool {
  private readonly live = new Set<Slot>();
  /** A thread once for each job it can still take. */
  private readonly free: Slot[] = [];
  private readonly waiting: { resolve: (slot: Slot) => void; reject: (error: Error) => void }[] = [];
  private closed = false;
  /** Set when every thread died before doing any work: the threads cannot start. */
  private broken: Error | undefined;

  constructor(
    size: number,
    private readonly script: URL,
  ) {
    const slots = Array.from({ length: size }, () => this.spawn());
    // Round by round, so that a batch smaller than the places is spread over every thread.
    for (let round = 0; round < JOBS_PER_THREAD; round++) for (const slot of slots) this.release(slot);
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.script), jobs: [], worked: false, dead: false };
    this.live.add(slot);
    slot.worker.on('message', (reply: Reply) => {
      slot.worked = true;
      // By its number: a thread answers in the order sent, but one dying of a job may have
      // answered others queued behind it (the pool must not take one answer for another).
      const at = slot.jobs.findIndex((sent) => sent.job.id === reply.id);
      if (at < 0) return;
      const [sent] = slot.jobs.splice(at, 1);
      sent?.settle('parsed' in reply ? reply.parsed : errorFromSent(reply.error));
      this.release(slot);
    });
    // Without this listener an uncaught exception in the thread would be one in this thread too.
    slot.worker.on('error', (error) => (slot.crash = error));
    slot.worker.on('exit', (code) => this.died(slot, code));
    return slot;
  }

  private died(slot: Slot, code: number): void {
    slot.dead = true;
    this.live.delete(slot);
    if (this.closed) return;
    const why = stopped(slot, `exit code ${code}`);
    for (let at = this.free.indexOf(slot); at >= 0; at = this.free.indexOf(slot)) this.free.splice(at, 1);
    const [current, ...queued] = slot.jobs.splice(0);
    // The job it was on fails alone; those queued behind it go to its replacement.
    current?.settle(why);
    // An idle thread that never worked could not start, and neither would its replacement.
    if (current === undefined && !slot.worked) {
      if (this.live.size === 0) this.breakDown(why);
      return;
    }
    const replacement = this.replace();
    let taken = 0;
    for (const sent of queued) {
      if (replacement === undefined) sent.settle(why);
      else if (this.send(replacement, sent)) taken++;
    }
    if (replacement !== undefined) for (let place = taken; place < JOBS_PER_THREAD; place++) this.release(replacement);
  }

  private replace(): Slot | undefined {
    try {
      return this.spawn();
    } catch (error) {
      // No thread can be started (out of memory, say): with none left, the batch cannot go on.
      if (this.live.size === 0) this.breakDown(asError(error));
      return undefined;
    }
  }

  private breakDown(why: Error): void {
    this.broken = why;
    for (const waiter of this.waiting.splice(0)) waiter.reject(why);
  }

  /** A thread with room for one more job, once there is one. */
  acquire(): Promise<Slot> {
    if (this.broken !== undefined) return Promise.reject(this.broken);
    const slot = this.free.shift();
    if (slot !== undefined) return Promise.resolve(slot);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Gives back one place on a thread. */
  release(slot: Slot): void {
    if (slot.dead) return;
    const waiter = this.waiting.shift();
    if (waiter === undefined) this.free.push(slot);
    else waiter.resolve(slot);
  }

  /** Runs a job on an acquired place; the place is free again when the thread answers. */
  start(slot: Slot, job: Job): Promise<InputResult> {
    // The thread may have died (of another input) between acquire and start: it was replaced, and
    // the job waits for a place like any other.
    if (slot.dead) return this.acquire().then((place) => this.start(place, job), asError);
    return new Promise((settle) => {
      if (!this.send(slot, { job, settle })) this.release(slot);
    });
  }

  /** Queues a job on a thread; one that cannot be sent fails alone (the thread is fine). */
  private send(slot: Slot, sent: Sent): boolean {
    try {
      // Copied, not moved: the caller's bytes stay as they were.
      slot.worker.postMessage(sent.job);
    } catch (error) {
      sent.settle(asError(error));
      return false;
    }
    slot.jobs.push(sent);
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.live];
    for (const slot of slots) for (const sent of slot.jobs.splice(0)) sent.settle(new Error('the batch stopped'));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
