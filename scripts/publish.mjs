// How offices publish a notice, for the fixture scripts and the corpus measurement: printed to PDF
// by headless Chromium (A4, 仿宋-like serif body, a running header and a — n — footer), saved as a
// Word 97–2003 file by headless LibreOffice.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The article of a seed page (fixtures/html/seeds): the first TRS_Editor block, without its style element. */
export function articleOf(page) {
  const start = page.indexOf('<div class="TRS_Editor">');
  const end = page.indexOf('\n</div>', start);
  if (start < 0 || end < 0) throw new Error('no TRS_Editor block in the seed page');
  return page.slice(start, end).replace(/^<div class="TRS_Editor">/, '').replace(/<style[\s\S]*?<\/style>/, '');
}

/** The seed pages: [name, page HTML, title] for each fixtures/html/seeds/<name>.trs.html. */
export const seedPages = (seeds) =>
  readdirSync(seeds)
    .filter((f) => f.endsWith('.trs.html'))
    .sort()
    .map((file) => {
      const name = basename(file, '.trs.html');
      const page = readFileSync(join(seeds, file), 'utf8');
      return [name, page, page.match(/<title>([^_<]*)/)?.[1] ?? name];
    });

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const PIPE_ROW = /\S\s*\|\s*\S/;
const cellsOf = (line) => line.replace(/\|\s*$/, '').split('|').map((cell) => cell.trim());

/**
 * A plain-text notice as the body of a page: each line a paragraph, and a run of pipe rows of two
 * cells or more (`cell | cell |`, as text and the corpus write tables) a ruled table, a row per
 * line; a bare `|` line within the run (an empty row) is left out. A table flattened to a cell a
 * line stays lines: what it was is not in the text.
 */
export function textBody(text) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim());
  const parts = [];
  for (let i = 0; i < lines.length; ) {
    if (!PIPE_ROW.test(lines[i])) {
      parts.push(`<p>${escapeHtml(lines[i++].trim())}</p>`);
      continue;
    }
    const rows = [];
    for (; i < lines.length && (PIPE_ROW.test(lines[i]) || (lines[i].trim() === '|' && PIPE_ROW.test(lines[i + 1] ?? ''))); i++) {
      if (PIPE_ROW.test(lines[i])) rows.push(`<tr>${cellsOf(lines[i]).map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`);
    }
    parts.push(`<table>${rows.join('')}</table>`);
  }
  return parts.join('\n');
}

/** A printable page: A4, a running header, a — n — page number footer. */
export const printPage = (header, body) => `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 30mm 26mm 28mm 28mm;
  @top-center { content: "${header.replace(/["\\]/g, '')}"; font: 10pt "Noto Serif CJK SC"; color: #555; }
  @bottom-center { content: "— " counter(page) " —"; font: 12pt "Noto Serif CJK SC"; } }
body { font: 15pt/1.7 "Noto Serif CJK SC", serif; }
p { margin: 0; text-indent: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; }
td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
td p { text-indent: 0; }
</style></head><body>
${body}
</body></html>`;

/** Prints a page to PDF with headless Chromium. */
export function printToPdf(html, pdf) {
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

/**
 * Saves documents (.html, .txt, .docx) as Word 97–2003 files in a folder with headless LibreOffice,
 * each named as its input with .doc. Web pages are opened by Writer (not Writer/Web), as a clerk
 * saving a page from the browser into Word would get them.
 */
export function saveAsDoc(inputs, outDir) {
  const work = mkdtempSync(join(tmpdir(), 'taizhang-doc-'));
  try {
    const byFilter = new Map();
    for (const input of inputs) {
      const ext = extname(input).toLowerCase();
      const filter = ext === '.html' || ext === '.htm' ? 'HTML (StarWriter)' : ext === '.txt' ? 'Text (encoded):UTF8,LF,,' : '';
      byFilter.set(filter, [...(byFilter.get(filter) ?? []), input]);
    }
    for (const [filter, files] of byFilter) {
      execFileSync('soffice', [
        `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--norestore',
        ...(filter ? [`--infilter=${filter}`] : []), '--convert-to', 'doc:MS Word 97', '--outdir', outDir, ...files,
      ], { stdio: 'ignore', timeout: 600_000 });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
