#!/usr/bin/env node
// Turns a gold ledger into the 任务分工表 a clerk would receive: fixtures/sheet/<name>.xlsx, a title
// row merged across the table, a header with one column per role, the category merged down over
// its tasks (a rowspan), a second sheet of notes without a task header (skipped when read); and
// fixtures/sheet/<name>.csv, the same table in UTF-8 with a BOM, the category on every row.
//
//   node scripts/make-sheet-fixtures.mjs        (rewrites fixtures/sheet/)

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { taskTable, taskWorkbook } from './task-table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'fixtures', 'sheet');
const NAME = 'yancheng-2016';

const gold = JSON.parse(readFileSync(join(root, 'fixtures', 'gold', `${NAME}.json`), 'utf8'));
const { header: HEADER, rows } = taskTable(gold);

const workbook = taskWorkbook(gold);
workbook.created = workbook.modified = new Date('2016-07-13T00:00:00Z'); // the same bytes on every run

mkdirSync(OUT, { recursive: true });
await workbook.xlsx.writeFile(join(OUT, `${NAME}.xlsx`));
const quote = (cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
// as Excel saves it: every row as wide as the table
const title = [gold.meta.title, ...HEADER.slice(1).map(() => '')];
const csv = [title, HEADER, ...rows].map((row) => row.map(quote).join(',')).join('\r\n');
writeFileSync(join(OUT, `${NAME}.csv`), `\ufeff${csv}\r\n`);
console.log(`wrote ${OUT}`);
