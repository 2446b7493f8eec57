// Builds the batch-benchmark corpus in bench/corpus/ (git-ignored): at least 10 MB of notice-sized
// files, simplified and traditional, made from fixtures/notices/*.txt (bench/batch.mjs asks for a
// number of files instead, in a folder of its own). Each fixture is used as is and
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

/**
 * The corpus files (absolute paths), generated first if missing or made otherwise: at least
 * `minBytes` in at least `minFiles` files, in `dir` (a path ending in /).
 */
export function corpusFiles({ dir = CORPUS_DIR, minBytes = MIN_CORPUS_BYTES, minFiles = 0 } = {}) {
  const key = corpusKey({ minBytes, minFiles });
  let manifest = null;
  try {
    manifest = JSON.parse(readFileSync(dir + MANIFEST, 'utf8'));
  } catch {
    // No corpus yet.
  }
  if (manifest?.key !== key) manifest = makeCorpus(key, dir, { minBytes, minFiles });
  return manifest.files.map((name) => dir + name);
}

/** Identifies the inputs of the generator: its version, the size asked and the fixtures' names and sizes. */
function corpusKey(size) {
  const fixtures = fixtureNames().map((name) => [name, readFileSync(FIXTURES_DIR + name).length]);
  return JSON.stringify({ version: GENERATOR_VERSION, size, fixtures });
}

function fixtureNames() {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

function makeCorpus(key, dir, { minBytes, minFiles }) {
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

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(2016);
  const files = [];
  let bytes = 0;
  for (let i = 0; bytes < minBytes || i < minFiles; i++) {
    const variant = variants[i % variants.length];
    const name = `${String(i).padStart(4, '0')}-${variant.base}.txt`;
    const content = Buffer.from(shuffleParagraphs(variant.text, random));
    writeFileSync(dir + name, content);
    files.push(name);
    bytes += content.length;
  }
  const manifest = { key, bytes, files };
  writeFileSync(dir + MANIFEST, JSON.stringify(manifest, null, 1));
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

/** mulberry32: a small seeded generator, so the corpus (and the fuzz suite's mutations) are reproducible. */
export function seededRandom(seed) {
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
