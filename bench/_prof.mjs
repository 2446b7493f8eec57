import { readFileSync, readdirSync } from 'node:fs';
const { parseBytes } = await import('../dist/pipeline.js');
const dir = 'bench/corpus/';
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, bytes: readFileSync(dir + f) }));
for (let r = 0; r < 2; r++) for (const f of files) await parseBytes(f.bytes, { name: f.name });
const t = performance.now();
for (let r = 0; r < 2; r++) for (const f of files) await parseBytes(f.bytes, { name: f.name });
console.log('2 passes', (performance.now() - t).toFixed(0), 'ms');
