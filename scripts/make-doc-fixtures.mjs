#!/usr/bin/env node
// Saves the seed notices as Word 97–2003 files, as offices publish them, with headless LibreOffice:
// - <name>.doc: the article of each seed web page (fixtures/html/seeds/<name>.trs.html) opened in
//   Writer and saved as .doc, so taishan-2019 is a real Word table with merged category cells;
// - yancheng-2016.table.doc: the 任务分工表 made from its gold ledger (as the sheet fixture): a
//   title, a header with one column per role, the category merged down over its tasks;
// - yancheng-2016.numbered.doc: its text with every 一、 （一） 1. （1） drawn by Word's automatic
//   list numbering instead of typed (a .docx made with `docx`, then saved as .doc);
// - disclosure.doc: a made-up short notice under a disclosure block (索引号, 发布机构, 发文日期), as
//   a page saved from a government site into Word has it.
//
//   node scripts/make-doc-fixtures.mjs        (rewrites fixtures/doc/; needs libreoffice-writer)

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { articleOf, saveAsDoc, seedPages } from './publish.mjs';
import { categoryRuns, taskTable } from './task-table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = join(root, 'fixtures', 'html', 'seeds');
const OUT = join(root, 'fixtures', 'doc');
const NAME = 'yancheng-2016';

/** The gold's 分工表 as a Word table under its title, the category merged down over its tasks. */
function tableDocument(gold) {
  const { header, rows } = taskTable(gold);
  const merge = new Map(); // row index → how its category cell takes part in a vertical merge
  for (const [start, end] of categoryRuns(rows)) {
    if (end === start) continue;
    merge.set(start, VerticalMergeType.RESTART);
    for (let r = start + 1; r <= end; r++) merge.set(r, VerticalMergeType.CONTINUE);
  }
  const cell = (text, verticalMerge) => new TableCell({ children: [new Paragraph(verticalMerge === VerticalMergeType.CONTINUE ? '' : text)], verticalMerge });
  const table = new Table({
    rows: [
      new TableRow({ children: header.map((text) => cell(text)) }),
      ...rows.map((row, r) => new TableRow({ children: row.map((text, c) => cell(text, c === 1 ? merge.get(r) : undefined)) })),
    ],
  });
  return new Document({ sections: [{ children: [new Paragraph(gold.meta.title), table, new Paragraph('')] }] });
}

/** The seeds' numbering styles, outermost first, as the levels of one Word list. */
const LIST_LEVELS = [
  [/^[一二三四五六七八九十]+、/, LevelFormat.CHINESE_COUNTING, '%1、'],
  [/^[(（][一二三四五六七八九十]+[)）]/, LevelFormat.CHINESE_COUNTING, '（%2）'],
  [/^\d{1,2}[.．、]/, LevelFormat.DECIMAL, '%3.'],
  [/^[(（]\d{1,2}[)）]/, LevelFormat.DECIMAL, '（%4）'],
];

/** A notice's text whose numbered lines are list items: the typed numbers taken out, for Word to draw. */
function numberedDocument(text) {
  const paragraphs = text.split('\n').map((line) => {
    const level = LIST_LEVELS.findIndex(([marker]) => marker.test(line));
    if (level < 0) return new Paragraph(line);
    return new Paragraph({ text: line.replace(LIST_LEVELS[level][0], ''), numbering: { reference: 'plan', level } });
  });
  const levels = LIST_LEVELS.map(([, format, pattern], level) => ({ level, format, text: pattern, alignment: AlignmentType.LEFT }));
  return new Document({ numbering: { config: [{ reference: 'plan', levels }] }, sections: [{ children: paragraphs }] });
}

const DISCLOSURE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>
<p>索 引 号：11440000-2021-00001</p><p>发布机构：某某市卫生健康委员会</p><p>发文日期：2021年03月16日</p>
<p>某某市卫生健康委2021年政务公开工作要点</p><p>一、推进决策公开</p><p>（一）推进重大决策预公开。（办公室负责）</p>
<p>（二）推进政策解读。（宣传处负责）</p></body></html>`;

const work = mkdtempSync(join(tmpdir(), 'taizhang-doc-fixtures-'));
try {
  const inputs = seedPages(SEEDS).map(([name, page, title]) => {
    const file = join(work, `${name}.html`);
    writeFileSync(file, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${articleOf(page)}</body></html>`);
    return file;
  });
  writeFileSync(join(work, 'disclosure.html'), DISCLOSURE);
  const gold = JSON.parse(readFileSync(join(root, 'fixtures', 'gold', `${NAME}.json`), 'utf8'));
  writeFileSync(join(work, `${NAME}.table.docx`), await Packer.toBuffer(tableDocument(gold)));
  const text = readFileSync(join(root, 'fixtures', 'notices', `${NAME}.txt`), 'utf8');
  writeFileSync(join(work, `${NAME}.numbered.docx`), await Packer.toBuffer(numberedDocument(text)));
  mkdirSync(OUT, { recursive: true });
  saveAsDoc([...inputs, join(work, 'disclosure.html'), join(work, `${NAME}.table.docx`), join(work, `${NAME}.numbered.docx`)], OUT);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`wrote ${OUT}`);
