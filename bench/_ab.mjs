// node bench/_ab.mjs DIST  → ms of 2 passes after 1 warm pass
import { readFileSync, readdirSync } from 'node:fs';
const { parseBytes } = await import(`${process.argv[2]}/pipeline.js`);
const dir = '/work/main/bench/corpus/';
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, bytes: readFileSync(dir + f) }));
for (const f of files) await parseBytes(f.bytes, { name: f.name });
const t = performance.now(); const c0 = process.cpuUsage();
for (let r = 0; r < 2; r++) for (const f of files) await parseBytes(f.bytes, { name: f.name });
const c = process.cpuUsage(c0); console.log(((c.user + c.system) / 1000).toFixed(0));
