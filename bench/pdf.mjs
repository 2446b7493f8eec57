// npm run bench (last part) — a multi-page PDF: the whole parse (dist/, PDF reader and every stage
// after it) against PDF.js text extraction alone (getTextContent of every page) on the same file,
// in one process, interleaved, medians after a warm-up. Target: parse ≤ 1.5 × extraction.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';
import { median } from './report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILES = ['fixtures/pdf/yancheng-2016.pdf', 'fixtures/pdf/taishan-2019.pdf'];
const RUNS = 9;
const TARGET = 1.5;

build(ROOT);
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const { parseBytes } = await import(new URL('../dist/pipeline.js', import.meta.url).href);

async function extractOnly(bytes) {
  const document = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
  for (let number = 1; number <= document.numPages; number++) await (await document.getPage(number)).getTextContent();
  const pages = document.numPages;
  await document.destroy();
  return pages;
}

const time = async (work) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

for (const file of FILES) {
  const bytes = new Uint8Array(readFileSync(new URL(`../${file}`, import.meta.url)));
  const pages = await extractOnly(bytes);
  await parseBytes(bytes, { name: file }); // warm-up
  const extract = [];
  const parse = [];
  for (let run = 0; run < RUNS; run++) {
    extract.push(await time(() => extractOnly(bytes)));
    parse.push(await time(() => parseBytes(bytes, { name: file })));
  }
  const ratio = median(parse) / median(extract);
  console.log(
    `PDF ${file} (${pages} pages, ${(bytes.length / 1e6).toFixed(2)} MB): parse ${median(parse).toFixed(0)} ms, ` +
      `PDF.js text extraction alone ${median(extract).toFixed(0)} ms → ${ratio.toFixed(2)}× (target ≤ ${TARGET}×) ${ratio <= TARGET ? 'ok' : 'OVER'}`,
  );
}
