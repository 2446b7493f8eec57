import { readFileSync, readdirSync } from 'node:fs';
const dist = process.argv[2] ?? '/work/main/dist';
const { scanClauses } = await import(`${dist}/ledger/unit-clauses.js`);
const dir = '/work/main/bench/corpus/';
const lines = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) for (const l of readFileSync(dir + f, 'utf8').split('\n')) if (l.trim()) lines.push(l);
let chars = 0; for (const l of lines) chars += l.length;
console.log('lines', lines.length, 'chars', chars);
for (let r = 0; r < 4; r++) { const t = performance.now(); let n = 0; for (const l of lines) n += scanClauses(l).splits.length; console.log((performance.now() - t).toFixed(1), 'ms', n); }
