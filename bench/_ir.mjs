import { readFileSync, readdirSync } from 'node:fs';
const { parseBytes } = await import(`${process.argv[2]}/pipeline.js`);
const dir = '/work/main/bench/corpus/';
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).slice(0, +(process.argv[3] ?? 100)).map((f) => ({ name: f, bytes: readFileSync(dir + f) }));
for (let r = 0; r < 2; r++) for (const f of files) await parseBytes(f.bytes, { name: f.name });
