import { describe, expect, it } from 'vitest';
import { diffLedgers } from '../../src/diff/diff.js';
import { diffFormatFromPath } from '../../src/diff/formats.js';
import { renderDiff } from '../../src/diff/index.js';
import { CHANGE_KINDS, type DiffReport } from '../../src/diff/types.js';
import type { Ledger, Task, Unit } from '../../src/model.js';
import { diffFixture, ledgerOfFile } from './helpers.js';

const ANSI = /\u001b\[\d+(;\d+)*m/;

function task(id: string, path: string[], text: string, units: Unit[] = [], deadlines: Task['deadlines'] = []): Task {
  return { id, seq: 0, path, title: null, text, units, deadlines, line: null };
}

function ledger(name: string, title: string, tasks: Task[]): Ledger {
  return {
    schema: 'taizhang/1',
    source: { name, format: 'text', encoding: 'utf-8', script: 'simplified' },
    meta: { title, noticeTitle: null, issuer: null, docNumber: null, date: null, year: 2020, region: '某市', recipients: [] },
    sections: [],
    tasks: tasks.map((item, index) => ({ ...item, seq: index + 1 })),
    warnings: [],
  };
}

// One task of each kind, and text that is markup in Markdown and HTML.
const OLD = ledger('old.txt', '某市2019年<政务公开>工作要点', [
  task('1.1', ['加强政策解读'], '做好政策解读工作，年底前完成<b>解读</b>目录编制', [{ name: '市卫计委', role: 'lead' }], [
    { text: '年底前', date: '2019-12-31' },
  ]),
  task('1.2', ['加强政策解读'], '推进政务新媒体健康有序发展'),
  task('2.1', ['做好回应关切'], '开展河长制工作信息公开 | 表格'),
  task('2.2', ['做好回应关切'], '加强舆情回应工作'),
]);
const NEW = ledger('new.txt', '某市2020年政务公开工作要点', [
  task('1.1', ['加强政策解读'], '做好政策解读工作，9月底前完成<b>解读</b>目录编制', [{ name: '市卫健委', role: 'lead' }], [
    { text: '9月底前', date: '2020-09-30' },
  ]),
  task('1.2', ['加强政策解读'], '推进政务新媒体健康有序发展'),
  task('2.1', ['优化服务'], '加强舆情回应工作'),
  task('2.2', ['优化服务'], '公开减税降费政策<script>alert(1)</script>'),
]);

function sample(): DiffReport {
  return diffLedgers(OLD, NEW);
}

describe('the report', () => {
  it('has each kind where it belongs', () => {
    const kindsById = Object.fromEntries(sample().pairs.map((pair) => [`${pair.old?.id ?? '-'}>${pair.new?.id ?? '-'}`, pair.kinds]));
    expect(kindsById).toEqual({
      '1.1>1.1': ['changed', 'units', 'deadlines'],
      '1.2>1.2': ['unchanged'],
      '2.1>-': ['removed'],
      '2.2>2.1': ['moved'],
      '->2.2': ['added'],
    });
    expect(sample().pairs.find((pair) => pair.old?.id === '1.1')!.units).toEqual([
      { role: 'lead', change: 'renamed', name: '市卫健委', from: '市卫计委' },
    ]);
  });

  it('counts per kind and per top-level section', () => {
    const report = sample();
    expect(report.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1, moved: 1, units: 1, deadlines: 1, split: 0, merged: 0 });
    // The new year's sections in its order, then the old year's, each saying which year it is of.
    expect(
      report.sections.map((section) => [section.side, section.title, section.counts.added, section.counts.removed, section.counts.moved]),
    ).toEqual([
      ['new', '加强政策解读', 0, 0, 0],
      ['new', '优化服务', 1, 0, 1],
      ['old', '做好回应关切', 0, 1, 0],
    ]);
  });
});

describe('json', () => {
  it('is { pairs: [{ old, new, similarity, kinds, signals }] } with ids, 0..1 and the issue’s kinds', () => {
    const document = JSON.parse(renderDiff(sample(), 'json'));
    expect(Array.isArray(document.pairs)).toBe(true);
    for (const pair of document.pairs) {
      expect(Object.keys(pair).slice(0, 4)).toEqual(['old', 'new', 'similarity', 'kinds']);
      expect(pair.old === null || typeof pair.old === 'string').toBe(true);
      expect(pair.new === null || typeof pair.new === 'string').toBe(true);
      expect(pair.old !== null || pair.new !== null).toBe(true);
      expect(pair.similarity).toBeGreaterThanOrEqual(0);
      expect(pair.similarity).toBeLessThanOrEqual(1);
      expect(pair.kinds.length).toBeGreaterThan(0);
      for (const kind of pair.kinds) expect(CHANGE_KINDS).toContain(kind);
    }
    expect(document.pairs).toContainEqual(expect.objectContaining({ old: '2.1', new: null, similarity: 0, kinds: ['removed'] }));
    expect(document.pairs).toContainEqual({ old: null, new: '2.2', similarity: 0, kinds: ['added'] });
    expect(document.pairs).toContainEqual(
      expect.objectContaining({ old: '1.2', new: '1.2', similarity: 1, kinds: ['unchanged'], signals: expect.objectContaining({ terms: 1, bigrams: 1 }) }),
    );
    expect(document.pairs).toContainEqual(expect.objectContaining({ old: '2.2', new: '2.1', kinds: ['moved'], move: 'section' }));
    expect(document.counts.added).toBe(1);
  });

  it('matches the pairs of a real series', async () => {
    const report = diffLedgers(
      await ledgerOfFile(diffFixture('15-fujian-2017-zwgk-task-breakdown-table-rowspan-thead.html')),
      await ledgerOfFile(diffFixture('13-fujian-2018-zwgk-task-breakdown-table-colspan-pasted-fjgov.html')),
    );
    const document = JSON.parse(renderDiff(report, 'json'));
    expect(document.pairs.map((pair: { old: string | null; new: string | null }) => [pair.old, pair.new])).toEqual(
      report.pairs.map((pair) => [pair.old?.id ?? null, pair.new?.id ?? null]),
    );
    const pair = report.pairs.find((candidate) => candidate.old?.id === '6.2.54')!;
    expect(pair.new!.id).toBe('1.3.12');
    expect(document.pairs).toContainEqual(
      expect.objectContaining({
        old: '6.2.54',
        new: '1.3.12',
        similarity: Math.round(pair.similarity * 1000) / 1000,
        signals: expect.objectContaining({ bigrams: 0.683 }),
      }),
    );
  });
});

describe('terminal', () => {
  it('puts the counts first and marks edits inline, without colour unless asked', () => {
    const text = renderDiff(sample(), 'terminal');
    expect(text).not.toMatch(ANSI);
    const lines = text.split('\n');
    const countsLine = lines.findIndex((line) => line.startsWith('新增 1  删除 1  修改 1  未变 1  移动 1  单位 1  时限 1'));
    const firstPair = lines.findIndex((line) => line.startsWith('1.1 → 1.1'));
    expect(countsLine).toBeGreaterThan(0);
    expect(firstPair).toBeGreaterThan(countsLine);
    expect(text).toContain('[-年-]{+9月+}底前');
    expect(text).toContain('牵头 市卫计委 → 市卫健委（更名）');
    expect(text).toContain('时限  年底前 → 9月底前');
    expect(text).toContain('移动  做好回应关切 → 优化服务');
    expect(text).toContain('另有未变 1 项，未列出');
  });

  it('is coloured when asked', () => {
    const text = renderDiff(sample(), 'terminal', { colorLevel: 1 });
    expect(text).toMatch(ANSI);
    expect(text).not.toContain('[-年-]');
  });
});

describe('markdown', () => {
  it('has the counts, the sections and the edits, with markup escaped', () => {
    const text = renderDiff(sample(), 'md');
    expect(text.indexOf('## 统计')).toBeLessThan(text.indexOf('## 按章节'));
    expect(text.indexOf('## 按章节')).toBeLessThan(text.indexOf('## 变化'));
    expect(text).toContain('| 1 | 1 | 1 | 1 | 1 | 1 | 1 |');
    expect(text).toContain('<del>年</del><ins>9月</ins>底前');
    expect(text).toContain('\\<b\\>解读\\</b\\>');
    expect(text).toContain('开展河长制工作信息公开 \\| 表格');
    expect(text).not.toContain('<script>');
  });
});

describe('html', () => {
  const html = renderDiff(sample(), 'html');

  it('is one self-contained page: no script, no outside asset', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|\bsrc=|\bhref=|url\(|@import/i);
  });

  it('escapes every text', () => {
    expect(html).toContain('公开减税降费政策&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('某市2019年&lt;政务公开&gt;工作要点');
    expect(html).not.toContain('<b>');
  });

  it('sets the two years side by side, with badges, counts and the edits on each side', () => {
    expect(html).toContain('<th>旧：某市2019年&lt;政务公开&gt;工作要点</th><th>新：某市2020年政务公开工作要点</th>');
    expect(html).toContain('<del>年</del>底前');
    expect(html).toContain('<ins>9月</ins>底前');
    expect(html).toContain('<span class="badge units">单位</span>');
    expect(html.indexOf('<h2>统计</h2>')).toBeLessThan(html.indexOf('<h2>逐项对照</h2>'));
    expect(html.match(/<tr class="/g)).toHaveLength(sample().pairs.length);
  });
});

describe('diffFormatFromPath', () => {
  it('knows .md, .json and .html', () => {
    expect(diffFormatFromPath('a/report.HTML')).toBe('html');
    expect(diffFormatFromPath('report.md')).toBe('md');
    expect(diffFormatFromPath('report.json')).toBe('json');
    expect(diffFormatFromPath('report.txt')).toBeUndefined();
  });
});
