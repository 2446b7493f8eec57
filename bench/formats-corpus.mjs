#!/usr/bin/env node
// Measures the readers on notices they were not built on: each notice of a corpus folder
// (docs/<id>.txt or .html, gold/<id>.json) is parsed as it is, made a page (a text's lines
// paragraphs, its pipe rows a ruled table) and a government site's page around it, printed to PDF
// by headless Chromium and saved as .doc and .docx by headless LibreOffice, and — where its gold
// is a table (SOURCES.tsv says units_location "table…") — turned into a 分工表 workbook from its gold.
// Each set is scored against the gold; the corpus-derived files stay in the work folder.
//
//   npx tsc -p . && node bench/formats-corpus.mjs CORPUS [--work DIR] [--scorer score.mjs] [--sets page,site,docx,…]
//   (needs chromium, fonts-noto-cjk and libreoffice-writer; the scorer — score.mjs --gold DIR
//    --pred DIR — defaults to CORPUS/../score/score.mjs)

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printPage, printToPdf, saveAsDoc, saveAsDocx, sitePage, textBody } from '../scripts/publish.mjs';
import { taskWorkbook } from '../scripts/task-table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const corpus = args[0] && !args[0].startsWith('--') ? resolve(args[0]) : undefined;
const scorer = option('--scorer') ?? (corpus && join(corpus, '..', 'score', 'score.mjs'));
if (!corpus || !existsSync(join(corpus, 'docs')) || !existsSync(join(corpus, 'gold')) || !existsSync(scorer)) {
  console.error('usage: node bench/formats-corpus.mjs CORPUS [--work DIR] [--scorer score.mjs]   (CORPUS holds docs/ and gold/; the scorer must exist)');
  process.exit(2);
}
const work = resolve(option('--work') ?? mkdtempSync(join(tmpdir(), 'taizhang-formats-')));

const docs = readdirSync(join(corpus, 'docs')).filter((f) => /\.(txt|html?)$/.test(f)).sort();
const idOf = (file) => basename(file, extname(file));
const withGold = docs.filter((f) => existsSync(join(corpus, 'gold', `${idOf(f)}.json`)));

/** Ids whose units stand in a table column, by the corpus's SOURCES.tsv. */
function tableIds() {
  const sources = join(corpus, 'SOURCES.tsv');
  if (!existsSync(sources)) return [];
  const [header, ...lines] = readFileSync(sources, 'utf8').trim().split('\n').map((line) => line.split('\t'));
  const id = header.indexOf('id');
  const location = header.indexOf('units_location');
  return lines.filter((cells) => /^table\b/.test(cells[location] ?? '') && !/flattened/.test(cells[location])).map((cells) => cells[id]);
}

/** Parses every file of a folder into pred/<set>/<id>.json; a refused file leaves no prediction. */
function parseAll(set, files) {
  const out = join(work, 'pred', set);
  mkdirSync(out, { recursive: true });
  const refused = [];
  for (const file of files) {
    const run = spawnSync(process.execPath, [join(root, 'bin', 'taizhang.js'), 'parse', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (run.status === 0) writeFileSync(join(out, `${idOf(file)}.json`), run.stdout);
    else refused.push(`${idOf(file)}: ${run.stderr.trim().split('\n').pop()}`);
  }
  return { out, refused };
}

/** The TOTAL line of the scorer over the gold of these ids. */
function score(set, out, ids) {
  const gold = join(work, 'gold', set);
  mkdirSync(gold, { recursive: true });
  for (const id of ids) writeFileSync(join(gold, `${id}.json`), readFileSync(join(corpus, 'gold', `${id}.json`)));
  const lines = execFileSync(process.execPath, [scorer, '--gold', gold, '--pred', out], { encoding: 'utf8' }).trim().split('\n');
  writeFileSync(join(work, `score-${set}.txt`), `${lines.join('\n')}\n`);
  return lines.find((line) => line.startsWith('TOTAL')) ?? lines.at(-1);
}

const sources = join(work, 'sources');
for (const dir of ['pages', 'site', 'pdf', 'doc', 'docx', 'xlsx']) mkdirSync(join(sources, dir), { recursive: true });
const originals = withGold.map((f) => join(corpus, 'docs', f));
const ids = withGold.map(idOf);
const tables = tableIds().filter((id) => withGold.some((f) => idOf(f) === id));
const wanted = option('--sets')?.split(',') ?? ['original', 'page', 'site', 'pdf', 'doc', 'docx', 'original-tables', 'xlsx-tables'];

// A text notice is printed as a page (its pipe rows a ruled table); a web page as it is. The same
// body in a government site's page (navigation, breadcrumb, disclosure table, footer) as a crawler
// finds it.
const pages = originals.map((file, n) => {
  const text = readFileSync(file, 'utf8');
  const header = text.split('\n').find((line) => line.trim())?.trim().slice(0, 40) ?? '';
  const page = join(sources, 'pages', `${idOf(file)}.html`);
  const body = extname(file) === '.txt' ? textBody(text) : text;
  writeFileSync(page, extname(file) === '.txt' ? printPage(header, body) : text);
  writeFileSync(join(sources, 'site', `${idOf(file)}.html`), sitePage(header, extname(file) === '.txt' ? body : bodyOf(text), n));
  if (wanted.includes('pdf')) printToPdf(readFileSync(page, 'utf8'), join(sources, 'pdf', `${idOf(file)}.pdf`));
  return page;
});
if (wanted.includes('doc')) saveAsDoc(pages, join(sources, 'doc'));
if (wanted.includes('docx')) saveAsDocx(pages, join(sources, 'docx'));
for (const id of tables) {
  const gold = JSON.parse(readFileSync(join(corpus, 'gold', `${id}.json`), 'utf8'));
  await taskWorkbook(gold).xlsx.writeFile(join(sources, 'xlsx', `${id}.xlsx`));
}

const sets = [
  ['original', originals, ids],
  ['page', pages, ids],
  ['site', ids.map((id) => join(sources, 'site', `${id}.html`)), ids],
  ['pdf', ids.map((id) => join(sources, 'pdf', `${id}.pdf`)), ids],
  ['doc', ids.map((id) => join(sources, 'doc', `${id}.doc`)), ids],
  ['docx', ids.map((id) => join(sources, 'docx', `${id}.docx`)), ids],
  ['original-tables', originals.filter((f) => tables.includes(idOf(f))), tables],
  ['xlsx-tables', tables.map((id) => join(sources, 'xlsx', `${id}.xlsx`)), tables],
].filter(([set]) => wanted.includes(set));
console.log(`corpus ${corpus}: ${ids.length} notices, ${tables.length} with a table (${tables.join(' ')}); work ${work}`);
for (const [set, files, setIds] of sets) {
  const { out, refused } = parseAll(set, files);
  console.log(`${set.padEnd(16)} ${score(set, out, setIds)}`);
  for (const line of refused) console.log(`${''.padEnd(16)} refused ${line}`);
}

/** The body of a web page (a corpus notice that is a page already), for a site page of its own. */
function bodyOf(page) {
  return page.match(/<body[^>]*>([\s\S]*)<\/body>/i)?.[1] ?? page;
}
