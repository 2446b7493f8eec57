#!/usr/bin/env node
// Prints the five seed notices to PDF with headless Chromium, as offices publish them: A4, 仿宋
// body, a running header and a page number footer (— 3 —) on every page. The article bodies are
// those of the seed web pages (fixtures/html/seeds/<name>.trs.html), so taishan-2019 is a real
// table with rowspans, long enough to run over a page break. Also writes image-only.pdf: a page
// holding nothing but a picture, as a scan is.
//
//   node scripts/make-pdf-fixtures.mjs        (rewrites fixtures/pdf/; needs chromium and fonts-noto-cjk)

import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleOf, printPage, printToPdf, seedPages } from './publish.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = join(root, 'fixtures', 'html', 'seeds');
const OUT = join(root, 'fixtures', 'pdf');

// A grey "scanned page": drawn as an image, so the PDF has no text layer.
const scanPage = `<!DOCTYPE html><html><head><style>@page { size: A4; margin: 20mm; } body { margin: 0; }</style></head><body>
<img src="data:image/png;base64,${readFileSync(join(root, 'fixtures', 'bad', 'scan.png')).toString('base64')}" style="width:160mm">
</body></html>`;

mkdirSync(OUT, { recursive: true });
for (const [name, page, title] of seedPages(SEEDS)) printToPdf(printPage(title, articleOf(page)), join(OUT, `${name}.pdf`));
printToPdf(scanPage, join(OUT, 'image-only.pdf'));
console.log(`wrote ${OUT}`);
