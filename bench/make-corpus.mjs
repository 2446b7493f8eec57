// Builds the batch-benchmark corpus in bench/corpus/ (git-ignored): at least 10 MB of notice-sized
// files, simplified and traditional, made from fixtures/notices/*.txt. Each fixture is used as is and
// converted to the other script, with its paragraphs shuffled anew for every copy so no two files are
// the same. Deterministic: the same fixtures always give the same corpus.
//
//   node bench/make-corpus.mjs      (bench/bench.mjs runs it when the corpus is missing or stale)

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/notices/', import.meta.url));
export const CORPUS_DIR = fileURLToPath(new URL('./corpus/', import.meta.url));
const MANIFEST = 'manifest.json';
const MIN_CORPUS_BYTES = 10_000_000;
/** Bump when the way files are generated changes, so existing corpora are rebuilt. */
const GENERATOR_VERSION = 1;

/** The corpus files (absolute paths), generated first if missing or made from other fixtures. */
export function corpusFiles() {
  const key = corpusKey();
  let manifest = null;
  try {
    manifest = JSON.parse(readFileSync(CORPUS_DIR + MANIFEST, 'utf8'));
  } catch {
    // No corpus yet.
  }
  if (manifest?.key !== key) manifest = makeCorpus(key);
  return manifest.files.map((name) => CORPUS_DIR + name);
}

/** Identifies the inputs of the generator: its version and the fixtures' names and sizes. */
function corpusKey() {
  const fixtures = fixtureNames().map((name) => [name, readFileSync(FIXTURES_DIR + name).length]);
  return JSON.stringify({ version: GENERATOR_VERSION, fixtures });
}

function fixtureNames() {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

function makeCorpus(key) {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  const variants = fixtureNames().flatMap((name) => {
    const text = readFileSync(FIXTURES_DIR + name, 'utf8');
    const base = name.replace(/\.txt$/, '');
    const traditional = differingChars(text, toSimplified) > differingChars(text, toTraditional);
    return traditional
      ? [{ base: `${base}-hant`, text }, { base: `${base}-hans`, text: toSimplified(text) }]
      : [{ base: `${base}-hans`, text }, { base: `${base}-hant`, text: toTraditional(text) }];
  });

  rmSync(CORPUS_DIR, { recursive: true, force: true });
  mkdirSync(CORPUS_DIR, { recursive: true });
  const random = seededRandom(2016);
  const files = [];
  let bytes = 0;
  for (let i = 0; bytes < MIN_CORPUS_BYTES; i++) {
    const variant = variants[i % variants.length];
    const name = `${String(i).padStart(4, '0')}-${variant.base}.txt`;
    const content = Buffer.from(shuffleParagraphs(variant.text, random));
    writeFileSync(CORPUS_DIR + name, content);
    files.push(name);
    bytes += content.length;
  }
  const manifest = { key, bytes, files };
  writeFileSync(CORPUS_DIR + MANIFEST, JSON.stringify(manifest, null, 1));
  return manifest;
}

/** How many characters a conversion changes: the script it changes least is the one the text is in. */
function differingChars(text, convert) {
  const converted = convert(text);
  let count = 0;
  for (let i = 0; i < Math.min(text.length, converted.length); i++) if (text[i] !== converted[i]) count++;
  return count;
}

/** Keeps the first paragraph (the title) in place and shuffles the rest, each with the blank lines after it. */
function shuffleParagraphs(text, random) {
  const [head, ...body] = text.split(/\n(?=[^\n]*\S)/);
  for (let i = body.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [body[i], body[j]] = [body[j], body[i]];
  }
  return [head, ...body].join('\n');
}

/** mulberry32: a small seeded generator, so the corpus is reproducible. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = corpusFiles();
  console.log(`${files.length} files in ${CORPUS_DIR}`);
}
