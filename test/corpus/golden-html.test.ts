import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { scoreLedger, shortfalls } from '../../src/eval/score.js';
import type { Ledger } from '../../src/model.js';
import { chineseNumber } from '../../src/vocabulary/numerals.js';
import { parseBytes } from '../../src/pipeline.js';

// The seed notices as they are published — web pages (fixtures/html/seeds, made by
// fixtures/html/make-seed-pages.mjs) and Word files with automatic numbering (made here) —
// against the same gold ledgers and thresholds as their text.
const SEEDS = 'fixtures/html/seeds';
const GOLD = 'fixtures/gold';
const CHROME = (JSON.parse(readFileSync('fixtures/html/chrome-patterns.json', 'utf8')) as { patterns: string[] }).patterns.map(
  (pattern) => new RegExp(pattern, 'i'),
);

const gold = (name: string) => JSON.parse(readFileSync(join(GOLD, `${name}.json`), 'utf8')) as Ledger;

function ledgerStrings(ledger: Ledger): string[] {
  const meta = Object.values(ledger.meta).flat().filter((v): v is string => typeof v === 'string');
  return [...ledger.tasks.flatMap((t) => [t.text, t.title ?? '', ...t.path, ...t.units.map((u) => u.name)]), ...meta];
}

describe('seed notices as web pages', () => {
  const pages = readdirSync(SEEDS).filter((f) => f.endsWith('.html')).sort();

  it('has a UTF-8 TRS page and a GBK UCAP page for each of the five seeds', () => {
    expect(pages).toHaveLength(10);
  });

  for (const file of pages) {
    const name = basename(file).split('.')[0]!;
    it(`${file} scores at or above every threshold against ${name}.json`, async () => {
      const ledger = await parseBytes(new Uint8Array(readFileSync(join(SEEDS, file))), { name: file });
      expect([ledger.source.format, ledger.source.encoding]).toEqual(['html', file.includes('.ucap.') ? 'gbk' : 'utf-8']);
      const { figures, metaMisses } = scoreLedger(gold(name), ledger);
      expect([shortfalls(figures), metaMisses]).toEqual([[], []]);
      const chrome = ledgerStrings(ledger).filter((s) => CHROME.some((p) => p.test(s)));
      expect(chrome).toEqual([]);
    });
  }
});

// ---- the seeds as Word files ----

/** The numbering styles of the seeds, outermost first, as Word list levels. */
const LIST_LEVELS = [
  { marker: /^([一二三四五六七八九十]+)、/, ordinal: chineseNumber, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  { marker: /^[(（]([一二三四五六七八九十]+)[)）]/, ordinal: chineseNumber, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
  { marker: /^(\d{1,2})[.．、]/, ordinal: Number, format: LevelFormat.DECIMAL, text: '%3.' },
  { marker: /^[(（](\d{1,2})[)）]/, ordinal: Number, format: LevelFormat.DECIMAL, text: '（%4）' },
];

/**
 * A notice's text as a Word file whose numbered lines are items of one multi-level list: the
 * markers are taken out of the text, for Word to draw them. Checks on the way that Word's count
 * gives each item the number it had.
 */
async function asWordFile(text: string): Promise<Uint8Array> {
  const counts: number[] = [];
  const paragraphs = text.split('\n').map((line) => {
    const level = LIST_LEVELS.findIndex(({ marker }) => marker.test(line));
    if (level < 0) return new Paragraph(line);
    const [marker, ordinal] = LIST_LEVELS[level]!.marker.exec(line)!;
    counts.length = level + 1;
    counts[level] = (counts[level] ?? 0) + 1;
    if (LIST_LEVELS[level]!.ordinal(ordinal!) !== counts[level]) throw new Error(`Word would not number “${line.slice(0, 20)}” ${marker}`);
    return new Paragraph({ text: line.slice(marker.length), numbering: { reference: 'plan', level } });
  });
  const levels = LIST_LEVELS.map(({ format, text: pattern }, level) => ({ level, format, text: pattern, alignment: AlignmentType.LEFT }));
  const doc = new Document({ numbering: { config: [{ reference: 'plan', levels }] }, sections: [{ children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('seed notices as Word files with automatic numbering', () => {
  for (const name of ['yancheng-2016', 'luan-2017', 'nanchang-2021']) {
    it(`${name}.docx scores at or above every threshold`, async () => {
      const text = readFileSync(join('fixtures/notices', `${name}.txt`), 'utf8');
      const bytes = await asWordFile(text);
      const documentXml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
      expect(documentXml).toContain('<w:numPr>');
      expect(documentXml).not.toMatch(/<w:t[^>]*>[一二三四五六七八九十]+、/); // the numbers are Word's, not the text's
      const ledger = await parseBytes(bytes, { name: `${name}.docx` });
      expect(ledger.source.format).toBe('docx');
      const { figures, metaMisses } = scoreLedger(gold(name), ledger);
      expect([shortfalls(figures), metaMisses]).toEqual([[], []]);
    });
  }

  it('falls below the thresholds when the list numbers are lost', async () => {
    const name = 'yancheng-2016';
    const text = readFileSync(join('fixtures/notices', `${name}.txt`), 'utf8');
    const unnumbered = text.split('\n').map((line) => LIST_LEVELS.reduce((l, { marker }) => l.replace(marker, ''), line)).join('\n');
    const ledger = await parseBytes(await asWordFile(unnumbered), { name: `${name}.docx` });
    expect(shortfalls(scoreLedger(gold(name), ledger).figures)).not.toEqual([]);
  });
});
