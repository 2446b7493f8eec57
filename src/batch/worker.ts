import { parentPort } from 'node:worker_threads';
import { errorToSend, transferable, type Job, type Reply } from './messages.js';
import { outputsOf, produce } from './produce.js';

// One thread of the pool: makes what it is asked of each input it is sent, one at a time and in
// the order sent (the pool queues the next job before this one is answered, and counts on it).
if (parentPort === null) throw new Error('batch/worker.js runs as a worker thread of the pool only');
const port = parentPort;
let done: Promise<void> = Promise.resolve();
port.on('message', (job: Job) => {
  done = done.then(() => answer(job));
});

async function answer({ id, input, request }: Job): Promise<void> {
  let reply: Reply;
  try {
    reply = { id, parsed: await produce(input, request) };
  } catch (error) {
    reply = { id, error: errorToSend(error) };
  }
  try {
    port.postMessage(reply, 'parsed' in reply ? transferable(outputsOf(reply.parsed)) : []);
  } catch (error) {
    // What was made could not be sent: that input fails, not the thread.
    port.postMessage({ id, error: errorToSend(error) } satisfies Reply);
  }
}
