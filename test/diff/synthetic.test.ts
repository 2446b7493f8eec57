import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffLedgers } from '../../src/diff/diff.js';
import { renderDiff } from '../../src/diff/index.js';
import type { DiffReport, TaskPair } from '../../src/diff/types.js';
import type { Ledger } from '../../src/model.js';
import {
  diffFixture,
  ledgerOfFile,
  ledgerOfText,
  movedSections,
  noticePath,
  NOTICES,
  noticeText,
  sectionsOf,
  shuffled,
} from './helpers.js';

function expectAllUnchanged(report: DiffReport, tasks: number): void {
  expect(report.pairs).toHaveLength(tasks);
  expect(report.pairs.filter((pair) => pair.kinds.join() !== 'unchanged')).toEqual([]);
  expect(report.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: tasks, moved: 0, units: 0, deadlines: 0, split: 0, merged: 0 });
}

/** The pairs that have something to report. */
function changedPairs(report: DiffReport): TaskPair[] {
  return report.pairs.filter((pair) => pair.kinds[0] !== 'unchanged');
}

const ledgers = new Map<string, Ledger>();

beforeAll(async () => {
  for (const name of NOTICES) ledgers.set(name, await ledgerOfFile(noticePath(name)));
});

describe.each(NOTICES)('%s', (name) => {
  it('against itself is all unchanged', async () => {
    const ledger = ledgers.get(name)!;
    expect(ledger.tasks.length).toBeGreaterThan(10);
    expectAllUnchanged(diffLedgers(ledger, await ledgerOfFile(noticePath(name))), ledger.tasks.length);
  });

  it('against its tasks shuffled, renumbered and moved between sections: every task moved, none added or removed', async () => {
    const ledger = ledgers.get(name)!;
    const sections = sectionsOf(ledger);
    expect(sections.length).toBeGreaterThan(1);
    const inOrder = await ledgerOfText(noticeText(ledger.meta.title!, sections));
    const moved = await ledgerOfText(noticeText(ledger.meta.title!, movedSections(sections, 11)));
    expect(moved.tasks).toHaveLength(ledger.tasks.length);

    const report = diffLedgers(inOrder, moved);
    expect(report.counts.added).toBe(0);
    expect(report.counts.removed).toBe(0);
    expect(report.counts.moved).toBe(ledger.tasks.length);
    for (const pair of report.pairs) {
      expect(pair.kinds).toEqual(['moved']);
      expect(pair.move).toBe('section');
      // Found by meaning, not by number: the same text, under another id.
      expect(pair.new!.text).toBe(pair.old!.text);
    }
    expect(report.pairs.filter((pair) => pair.old!.id !== pair.new!.id).length).toBeGreaterThan(ledger.tasks.length / 2);

    // The notice as it was written, against the copy: still every task found and moved.
    const fromOriginal = diffLedgers(ledger, moved);
    expect(fromOriginal.counts).toMatchObject({ added: 0, removed: 0, moved: ledger.tasks.length });
  });
});

describe('size', () => {
  it('diffs 200 tasks against 200 in a few seconds at most', () => {
    const all = NOTICES.flatMap((name) => ledgers.get(name)!.tasks);
    expect(all.length).toBeGreaterThanOrEqual(200);
    const big = { ...ledgers.get('luan-2017')!, tasks: all.slice(0, 200) };
    const shuffledBig = { ...big, tasks: shuffled(big.tasks, 3) };
    const started = performance.now();
    const report = diffLedgers(big, shuffledBig);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(report.counts).toMatchObject({ added: 0, removed: 0, changed: 0 });
  });
});

describe('moves within a section', () => {
  it('are the tasks out of the longest run that kept its order', async () => {
    const ledger = ledgers.get('hainan-2018')!;
    const sections = sectionsOf(ledger);
    const inOrder = await ledgerOfText(noticeText(ledger.meta.title!, sections));
    // The first section's last task goes to its front; nothing else changes place.
    const [first, ...rest] = sections;
    const rotated = [{ title: first!.title, tasks: [first!.tasks.at(-1)!, ...first!.tasks.slice(0, -1)] }, ...rest];
    const report = diffLedgers(inOrder, await ledgerOfText(noticeText(ledger.meta.title!, rotated)));
    const moved = changedPairs(report);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ kinds: ['moved'], move: 'order' });
    expect(moved[0]!.old!.text).toBe(first!.tasks.at(-1)!.text);
    expect(report.counts.unchanged).toBe(ledger.tasks.length - 1);
    expect(renderDiff(report, 'terminal')).toContain(`移动  顺序调整：第${first!.tasks.length}项 → 第1项`);
  });

  it('of a shuffled section are found, and nothing is added or removed', async () => {
    const ledger = ledgers.get('luan-2017')!;
    const sections = sectionsOf(ledger).map((section) => ({ ...section, tasks: shuffled(section.tasks, 5) }));
    const report = diffLedgers(await ledgerOfText(noticeText(ledger.meta.title!, sectionsOf(ledger))), await ledgerOfText(noticeText(ledger.meta.title!, sections)));
    expect(report.counts).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(report.counts.moved).toBeGreaterThan(0);
    expect(report.pairs.every((pair) => pair.move !== 'section')).toBe(true);
  });
});

describe('units', () => {
  let yancheng: string;
  let scratch: string;

  beforeAll(async () => {
    yancheng = await readFile(noticePath('yancheng-2016'), 'utf8');
    expect(yancheng.split('市卫计委')).toHaveLength(2);
    scratch = await mkdtemp(join(tmpdir(), 'taizhang-diff-units-'));
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('a copy with one unit renamed (卫计委 → 卫健委) shows exactly that rename', async () => {
    const report = diffLedgers(ledgers.get('yancheng-2016')!, await ledgerOfText(yancheng.replace('市卫计委', '市卫健委')));
    const changed = changedPairs(report);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.kinds).toEqual(['units']);
    expect(changed[0]!.units).toEqual([{ role: expect.any(String), change: 'renamed', name: '市卫健委', from: '市卫计委' }]);
    expect(report.counts).toMatchObject({ units: 1, unchanged: report.pairs.length - 1, added: 0, removed: 0 });
  });

  it('a unit replaced by another is one dropped and one added', async () => {
    const report = diffLedgers(ledgers.get('yancheng-2016')!, await ledgerOfText(yancheng.replace('市卫计委', '市教育局')));
    const changed = changedPairs(report);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.units!.map(({ change, name }) => [change, name])).toEqual([
      ['dropped', '市卫计委'],
      ['added', '市教育局'],
    ]);
  });

  it('another spelling of the same unit (发改委, 发展改革委) is no change', async () => {
    expect(yancheng).toContain('市发改委');
    const respelled = await ledgerOfText(yancheng.replaceAll('市发改委', '市发展改革委'));
    expectAllUnchanged(diffLedgers(ledgers.get('yancheng-2016')!, respelled), ledgers.get('yancheng-2016')!.tasks.length);
  });

  it('renames from an --aliases file are renames too', async () => {
    const aliases = join(scratch, 'aliases.yaml');
    // The 2021 reform made the poverty relief offices 乡村振兴局; the built-in table does not know it.
    await writeFile(aliases, 'units:\n  - name: 乡村振兴局\n    formerly: [扶贫办, 扶贫开发办公室]\n');
    expect(yancheng.split('市扶贫办')).toHaveLength(2);
    const renamed = await ledgerOfText(yancheng.replace('市扶贫办', '市乡村振兴局'));
    const withTable = changedPairs(diffLedgers(ledgers.get('yancheng-2016')!, renamed, { aliasFiles: [aliases] }));
    expect(withTable.map((pair) => pair.units)).toEqual([
      [{ role: expect.any(String), change: 'renamed', name: '市乡村振兴局', from: '市扶贫办' }],
    ]);
    const withoutTable = changedPairs(diffLedgers(ledgers.get('yancheng-2016')!, renamed));
    expect(withoutTable[0]!.units!.map((change) => change.change)).toEqual(['dropped', 'added']);
  });
});

describe('text and deadlines', () => {
  it('an edited task is changed, with its deadline change', async () => {
    const source = await readFile(noticePath('yancheng-2016'), 'utf8');
    expect(source.split('年底前')).toHaveLength(2);
    const report = diffLedgers(ledgers.get('yancheng-2016')!, await ledgerOfText(source.replace('年底前', '9月底前')));
    const changed = changedPairs(report);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ kinds: ['changed', 'deadlines'] });
    expect(changed[0]!.deadlines!.new.map((deadline) => deadline.text)).toContain('9月底前');
    expect(changed[0]!.similarity).toBeGreaterThan(0.9);
  });
});

describe('across scripts and formats', () => {
  const requireCjs = createRequire(import.meta.url);

  it('a traditional-script copy is all unchanged', async () => {
    const OpenCC = requireCjs('opencc-js/cn2t') as typeof import('opencc-js/cn2t');
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    for (const name of ['yancheng-2016', 'nanchang-2021']) {
      const source = await readFile(noticePath(name), 'utf8');
      const traditional = toTraditional(source);
      expect(traditional).not.toBe(source);
      const ledger = ledgers.get(name)!;
      expectAllUnchanged(diffLedgers(ledger, await ledgerOfText(traditional, `${name}.big5.txt`)), ledger.tasks.length);
    }
  });

  it('text against HTML: the table notice as text and as a web page is all unchanged', async () => {
    const html = await ledgerOfFile(diffFixture('taishan-2019.trs.html'));
    expect(html.source.format).toBe('html');
    const ledger = ledgers.get('taishan-2019')!;
    expectAllUnchanged(diffLedgers(ledger, html), ledger.tasks.length);
  });

  it('a table against paragraphs: every task found, with its text', async () => {
    const table = await ledgerOfFile(diffFixture('taishan-2019.trs.html'));
    const paragraphs = await ledgerOfText(noticeText(table.meta.title!, sectionsOf(table)));
    const report = diffLedgers(table, paragraphs);
    expect(report.counts).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(report.pairs.every((pair) => pair.similarity === 1)).toBe(true);
  });
});
