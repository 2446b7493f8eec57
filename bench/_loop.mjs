import { readFileSync, readdirSync } from 'node:fs';
const dir = '/work/main/bench/corpus/';
const lines = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) for (const l of readFileSync(dir + f, 'utf8').split('\n')) if (l.trim()) lines.push(l);
const B = new Uint8Array(0x10000); for (const ch of '（([［【〔') B[ch.charCodeAt(0)] = 1; for (const ch of '）)]］】〕') B[ch.charCodeAt(0)] = 2;
function scan(p) { let n = 0; for (let i = 0; i < p.length; i++) { const b = B[p.charCodeAt(i)]; if (b === 0) continue; n += b; } return n; }
for (let r = 0; r < 4; r++) { const t = performance.now(); let n = 0; for (const l of lines) n += scan(l); console.log('sliced', (performance.now() - t).toFixed(1), n); }
const flat = lines.map((l) => (' ' + l).slice(1)); flat.forEach((l) => l.charCodeAt(0));
const flat2 = lines.map((l) => JSON.parse(JSON.stringify(l)));
for (let r = 0; r < 4; r++) { const t = performance.now(); let n = 0; for (const l of flat2) n += scan(l); console.log('flat', (performance.now() - t).toFixed(1), n); }
