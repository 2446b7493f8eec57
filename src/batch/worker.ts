import { parentPort } from 'node:worker_threads';
import { errorToSend, transferable, type Job, type Reply } from './messages.js';
import { produce } from './produce.js';

// One thread of the pool: makes what it is asked of each input it is sent, one at a time (the
// pool sends the next job only after the answer).
const port = parentPort!;
port.on('message', async ({ input, order }: Job) => {
  let reply: Reply;
  try {
    reply = { product: await produce(input, order) };
  } catch (error) {
    reply = { error: errorToSend(error) };
  }
  try {
    port.postMessage(reply, 'product' in reply ? transferable(Object.values(reply.product.outputs)) : []);
  } catch (error) {
    // What was made could not be sent: that input fails, not the thread.
    port.postMessage({ error: errorToSend(error) } satisfies Reply);
  }
});
