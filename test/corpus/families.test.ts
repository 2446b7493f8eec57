import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/model.js';
import { parseBytes } from '../../src/pipeline.js';
import { addCounts, figuresOf, scoreLedger, type Figures } from '../../src/eval/score.js';

// The corpus rewritten as other families write the same notices: text that lost its line breaks,
// text hard-wrapped by a PDF viewer or a fixed-width page, tables pasted with tabs between their
// cells or written in Markdown, full-width digits, traditional script, GBK with CRLF, full-width
// indents and other bracket and numbering styles. The gold ledgers stay the same: the parse must
// not depend on how the notice reached the user. Tables stay as they are in the run-together and
// wrapped families: those families are prose.
const DOCS = 'fixtures/corpus/docs';
const GOLD = 'fixtures/corpus/gold';
const names = readdirSync(DOCS).filter((f) => f.endsWith('.txt')).map((f) => basename(f, '.txt'));

const TOP_LEVEL = /^\s*[一二三四五六七八九十]+、/;
const proseOnly = (rewrite: (text: string) => string) => (text: string) => (text.includes('|') ? text : rewrite(text));

/** Each top-level section on one line: “一、…（一）…1.…”. */
const sectionsRunTogether = proseOnly((text) => {
  const out: string[] = [];
  let inSections = false;
  for (const line of text.split('\n')) {
    if (TOP_LEVEL.test(line)) inSections = true;
    if (!inSections || TOP_LEVEL.test(line) || !line.trim()) out.push(line.trim());
    else out[out.length - 1] += line.trim();
  }
  return out.join('\n');
});

/** Everything from the first section on as one line. */
const bodyRunTogether = proseOnly((text) => {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => TOP_LEVEL.test(line));
  return first < 0 ? text : [...lines.slice(0, first), lines.slice(first).map((line) => line.trim()).join('')].join('\n');
});

const hardWrapped = (width: number) =>
  proseOnly((text) => text.split('\n').flatMap((line) => Array.from({ length: Math.max(1, Math.ceil(line.length / width)) }, (_, i) => line.slice(i * width, (i + 1) * width))).join('\n'));

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** A pipe row's cells, without the empty ones after its last; lines of one cell (a stream's) are not rows. */
const rowCells = (line: string) => {
  const cells = line.split('|').map((cell) => cell.trim());
  while (cells.length > 0 && cells.at(-1) === '') cells.pop();
  return cells.filter(Boolean).length >= 2 ? cells : null;
};
/** Rows as a spreadsheet or a Word table pastes them: cells between tabs. */
const tabSeparated = (text: string) => text.split('\n').map((line) => rowCells(line)?.join('\t') ?? line).join('\n');
/** Rows as Markdown writes them, dashes under the first. */
const markdownRows = (text: string) => {
  let first = true;
  return text
    .split('\n')
    .flatMap((line) => {
      const cells = rowCells(line);
      if (!cells) return [line];
      const row = `| ${cells.join(' | ')} |`;
      if (!first) return [row];
      first = false;
      return [row, `|${cells.map(() => ' --- ').join('|')}|`];
    })
    .join('\n');
};

/** Tables as Word saves them as plain text: every cell on a line of its own, no separator at all. */
const cellPerLine = (text: string) =>
  text
    .split('\n')
    .flatMap((line) => (line.includes('|') ? line.split('|').map((cell) => cell.trim()).filter(Boolean) : [line]))
    .join('\n');

/** How each family writes a notice, and the figures it must keep (measured, less a margin; the wanted row where it is met). */
const FAMILIES: { name: string; write: (text: string) => Uint8Array; floor: Partial<Figures> }[] = [
  { name: 'sections run together', write: (text) => Buffer.from(sectionsRunTogether(text)), floor: { taskF1: 0.96, unitF1: 0.95, deadlineF1: 0.95, path: 0.9, title: 0.93, meta: 0.97 } },
  { name: 'the whole body on one line', write: (text) => Buffer.from(bodyRunTogether(text)), floor: { taskF1: 0.96, unitF1: 0.95, deadlineF1: 0.95, path: 0.9, title: 0.92, meta: 0.97 } },
  { name: 'hard-wrapped at 36 characters', write: (text) => Buffer.from(hardWrapped(36)(text)), floor: { taskF1: 0.97, unitF1: 0.96, deadlineF1: 0.95, path: 0.92, title: 0.95, meta: 0.95 } },
  { name: 'hard-wrapped at 28 characters', write: (text) => Buffer.from(hardWrapped(28)(text)), floor: { taskF1: 0.97, unitF1: 0.96, deadlineF1: 0.98, path: 0.93, title: 0.95, meta: 0.95 } },
  { name: 'headings and category cells whose numeral a space sets apart (一 工作目标)', write: (text) => Buffer.from(text.replace(/^(\s*)([一二三四五六七八九十]{1,3})、/gm, '$1$2 ')), floor: { taskF1: 0.98, unitF1: 0.98, deadlineF1: 0.98, path: 0.95, title: 0.97, meta: 0.97 } },
  { name: 'tables with tabs between cells', write: (text) => Buffer.from(tabSeparated(text)), floor: { taskF1: 0.98, unitF1: 0.98, deadlineF1: 0.98, path: 0.95, title: 0.97, meta: 0.97 } },
  { name: 'tables one cell a line with no separator', write: (text) => Buffer.from(cellPerLine(text)), floor: { taskF1: 0.98, unitF1: 0.98, deadlineF1: 0.98, path: 0.93, title: 0.94, meta: 0.97 } },
  { name: 'tables in Markdown', write: (text) => Buffer.from(markdownRows(text)), floor: { taskF1: 0.98, unitF1: 0.98, deadlineF1: 0.98, path: 0.95, title: 0.97, meta: 0.97 } },
  { name: 'traditional script', write: (text) => Buffer.from(toTraditional(text)), floor: { taskF1: 0.98, unitF1: 0.98, deadlineF1: 0.98, path: 0.93, title: 0.97, meta: 0.97 } },
  {
    name: 'full-width digits, and 1. written （1）',
    write: (text) => Buffer.from(text.replace(/^(\s*)(\d{1,2})[.．、](?!\d)/gm, '$1（$2）').replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0))),
    floor: { taskF1: 0.98, unitF1: 0.98, deadlineF1: 0.98, path: 0.9, title: 0.97, meta: 0.97 },
  },
  {
    name: 'GBK, CRLF, full-width indents, ASCII brackets and 1、',
    write: (text) =>
      iconv.encode(
        text
          .replace(/（([一二三四五六七八九十]+)）/g, '($1)')
          .replace(/^(\s*)(\d{1,2})\.(?!\d)/gm, '$1$2、')
          .split('\n')
          .map((line) => (line.trim() ? `\u3000\u3000${line.trim()}` : ''))
          .join('\r\n'),
        'gbk',
      ),
    floor: { taskF1: 0.98, unitF1: 0.98, deadlineF1: 0.98, path: 0.95, title: 0.97, meta: 0.97 },
  },
];

describe('the corpus as other families write it', () => {
  for (const family of FAMILIES) {
    it(`keeps its figures: ${family.name}`, async () => {
      const counts = await Promise.all(
        names.map(async (name) => {
          const gold = JSON.parse(readFileSync(join(GOLD, `${name}.json`), 'utf8')) as Ledger;
          const bytes = family.write(readFileSync(join(DOCS, `${name}.txt`), 'utf8'));
          return scoreLedger(gold, await parseBytes(bytes, { name: `${name}.txt` }).catch(() => null)).counts;
        }),
      );
      const total = figuresOf(addCounts(counts));
      for (const [key, floor] of Object.entries(family.floor)) expect([key, total[key as keyof Figures]]).toEqual([key, expect.toSatisfy((v: number) => v >= floor!)]);
    });
  }
});
