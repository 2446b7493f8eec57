#!/usr/bin/env node
// Prints the five seed notices to PDF with headless Chromium, as offices publish them: A4, 仿宋
// body, a running header and a page number footer (— 3 —) on every page. The article bodies are
// those of the seed web pages (fixtures/html/seeds/<name>.trs.html), so taishan-2019 is a real
// table with rowspans, long enough to run over a page break. Also writes image-only.pdf: a page
// holding nothing but a picture, as a scan is.
//
//   node scripts/make-pdf-fixtures.mjs        (rewrites fixtures/pdf/; needs chromium and fonts-noto-cjk)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = join(root, 'fixtures', 'html', 'seeds');
const OUT = join(root, 'fixtures', 'pdf');

/** The article of a seed page: the first TRS_Editor block, without its style element. */
function articleOf(page) {
  const start = page.indexOf('<div class="TRS_Editor">');
  const end = page.indexOf('\n</div>', start);
  if (start < 0 || end < 0) throw new Error('no TRS_Editor block in the seed page');
  return page.slice(start, end).replace(/^<div class="TRS_Editor">/, '').replace(/<style[\s\S]*?<\/style>/, '');
}

const printPage = (header, body) => `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 30mm 26mm 28mm 28mm;
  @top-center { content: "${header}"; font: 10pt "Noto Serif CJK SC"; color: #555; }
  @bottom-center { content: "— " counter(page) " —"; font: 12pt "Noto Serif CJK SC"; } }
body { font: 15pt/1.7 "Noto Serif CJK SC", serif; }
p { margin: 0; text-indent: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; }
td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
td p { text-indent: 0; }
</style></head><body>
${body}
</body></html>`;

// A grey "scanned page": drawn as an image, so the PDF has no text layer.
const scanPage = `<!DOCTYPE html><html><head><style>@page { size: A4; margin: 20mm; } body { margin: 0; }</style></head><body>
<img src="data:image/png;base64,${readFileSync(join(root, 'fixtures', 'bad', 'scan.png')).toString('base64')}" style="width:160mm">
</body></html>`;

function print(html, pdf) {
  const work = mkdtempSync(join(tmpdir(), 'taizhang-pdf-'));
  try {
    const page = join(work, 'page.html');
    writeFileSync(page, html);
    execFileSync('chromium', [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--user-data-dir=${join(work, 'profile')}`, '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`, pathToFileURL(page).href,
    ], { stdio: 'ignore', timeout: 120_000 });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

mkdirSync(OUT, { recursive: true });
for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.trs.html')).sort()) {
  const name = basename(file, '.trs.html');
  const page = readFileSync(join(SEEDS, file), 'utf8');
  const title = page.match(/<title>([^_<]*)/)?.[1] ?? name;
  print(printPage(title, articleOf(page)), join(OUT, `${name}.pdf`));
}
print(scanPage, join(OUT, 'image-only.pdf'));
console.log(`wrote ${OUT}`);
