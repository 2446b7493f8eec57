import { parentPort } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { parseBytes } from '../pipeline.js';
import type { Job, Outcome } from './pool.js';

// One thread of the pool: parses the notices it is sent, one at a time.
parentPort!.on('message', async (job: Job) => {
  let outcome: Outcome;
  try {
    outcome = { id: job.id, ledger: await parseBytes(job.bytes, { name: job.name, encoding: job.encoding }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome = { id: job.id, error: { message, input: error instanceof InputError, exitCode: error instanceof InputError ? error.exitCode : 1 } };
  }
  parentPort!.postMessage(outcome);
});
