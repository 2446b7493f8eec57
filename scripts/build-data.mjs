// Writes the data files the program reads at run time in the form quickest to read:
// data/aliases.yaml as dist/aliases.json (src/unit-names/aliases.ts reads it when it is newer than
// the YAML). Run after tsc by `npm run build`, `prepare`, the benchmarks and the tests' setup.
//
//   node scripts/build-data.mjs

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export function buildData(root) {
  const table = parse(readFileSync(`${root}data/aliases.yaml`, 'utf8'));
  mkdirSync(`${root}dist`, { recursive: true });
  writeFileSync(`${root}dist/aliases.json`, JSON.stringify(table));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildData(fileURLToPath(new URL('..', import.meta.url)));
