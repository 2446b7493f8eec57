// Runs a Node script and, when it ends, prints its peak memory (maximum resident set size, worker
// threads included) on stderr in the words of GNU time -v: bench/batch.mjs uses it where there is
// no /usr/bin/time.
//   node bench/maxrss.mjs SCRIPT [ARGS...]

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const script = resolve(process.argv[2]);
process.argv.splice(1, 1); // the script sees itself as argv[1], as when run directly
process.on('exit', () => process.stderr.write(`Maximum resident set size (kbytes): ${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(script).href);
