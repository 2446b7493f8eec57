// Regenerates the expected ledger of each real page (fixtures/html/realworld/<page>/expected.json)
// from the current source, as Readability regenerates its test pages: run it after a change meant
// to alter what the pages give, read the diff (git diff fixtures/html/realworld), and commit what
// is right. `node test/corpus/regenerate-pages.mjs [page…]`: the pages named, else every page.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from '../../bench/build.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = join(ROOT, 'fixtures/html/realworld');

build(ROOT, 'regenerate-pages');
const load = (module) => import(pathToFileURL(join(ROOT, 'dist', module)).href);
const { ledgerOfInput } = await load('read/ledger-json.js');
const { toJson } = await load('export/json.js');

const named = process.argv.slice(2);
const pages = readdirSync(PAGES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && (named.length === 0 || named.includes(entry.name)))
  .map((entry) => entry.name);
for (const name of named) if (!pages.includes(name)) throw new Error(`no page ${name} in ${PAGES}`);
for (const page of pages) {
  // The ledger as `taizhang parse <page>.html --format json` writes it.
  const ledger = await ledgerOfInput(new Uint8Array(readFileSync(join(PAGES, page, `${page}.html`))), { name: `${page}.html` });
  const path = join(PAGES, page, 'expected.json');
  const expected = toJson(ledger);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  writeFileSync(path, expected);
  console.log(`${page}: ${before === undefined ? 'written' : before === expected ? 'unchanged' : 'CHANGED: read the diff'}`);
}
