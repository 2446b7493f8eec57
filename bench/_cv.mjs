import { readFileSync, readdirSync } from 'node:fs';
const dist = process.argv[2] ?? '/work/main/dist';
const { convertLine, hasTraditional } = await import(`${dist}/clean/script.js`);
const dir = '/work/main/bench/corpus/';
const lines = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) for (const l of readFileSync(dir + f, 'utf8').split('\n')) if (hasTraditional(l)) lines.push(l);
let chars = 0; for (const l of lines) chars += l.length;
console.log('lines', lines.length, 'chars', chars);
const times = [];
for (let r = 0; r < 6; r++) { const t = performance.now(); let n = 0; for (const l of lines) n += convertLine(l).changed; times.push(performance.now() - t); }
console.log(times.map((t) => t.toFixed(0)).join(' '));
