import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainLedger } from '../../src/export/explain.js';
import { displayWidth } from '../../src/export/width.js';
import type { Ledger, LineFate } from '../../src/model.js';
import { taizhang, TERMINAL_CONTROL } from '../support/cli.js';
import { ledger as ledgerModel, noticeFile } from '../support/models.js';
import { noticeWithChrome } from '../support/pages.js';

/** A ledger of notice.txt declared as data. */
const ledger = (extra: Partial<Ledger>): Ledger => ledgerModel({ source: noticeFile({ source: { name: 'notice.txt' } }).source, ...extra });

const DROPPED = [
  { line: 1, text: '首页 > 通知公告', reason: 'breadcrumb' },
  { line: 9, text: '某某市人民政府办公室', reason: 'signature' },
];

describe('explainLedger', () => {
  it('lists each dropped line with its number and reason, and counts what it can without line fates', () => {
    const text = explainLedger(ledger({ dropped: DROPPED }));
    expect(text).toBe(
      [
        'notice.txt',
        '',
        'dropped (2 lines):',
        '  1  breadcrumb  首页 > 通知公告',
        '  9  signature   某某市人民政府办公室',
        '',
        '0 tasks, 2 lines dropped',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing was dropped', () => {
    expect(explainLedger(ledger({}))).toContain('\ndropped: none\n');
  });

  it('shows every line’s fate and counts each fate when the ledger has them', () => {
    const lines: LineFate[] = [
      { line: 1, fate: 'dropped', reason: 'breadcrumb', text: '首页 > 通知公告' },
      { line: 2, fate: 'preamble', text: '各县（区）人民政府：' },
      { line: 3, fate: 'heading', id: '1', text: '一、深入解读' },
      { line: 4, fate: 'task', id: '1.1', text: '（一）按照“谁起草、谁解读”原则。' },
      { line: 5, fate: 'task', id: '1.1', text: '做好解读。' },
    ];
    const text = explainLedger(ledger({ lines, dropped: [DROPPED[0]!] }));
    // A line that holds several tasks names the others after its first.
    expect(explainLedger(ledger({ lines: [{ line: 1, fate: 'task', id: '1.1', reason: 'also 1.2', text: '（一）公开预算。（二）公开决算。' }] }))).toContain('  1  task  1.1 also 1.2  （一）公开预算。（二）公开决算。');
    expect(text).toContain(
      [
        'every line:',
        '  1  dropped   breadcrumb  首页 > 通知公告',
        '  2  preamble              各县（区）人民政府：',
        '  3  heading   1           一、深入解读',
        '  4  task      1.1         （一）按照“谁起草、谁解读”原则。',
        '  5  task      1.1         做好解读。',
      ].join('\n'),
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe('5 lines: 1 preamble · 1 heading · 2 task · 1 dropped');
  });

  it('shortens long lines to the width, counting Chinese characters as two columns', () => {
    const long = '推进政务公开'.repeat(30);
    const text = explainLedger(ledger({ dropped: [{ line: 12, text: long, reason: 'attachment list' }] }), { width: 50 });
    const row = text.split('\n').find((line) => line.includes('attachment list'))!;
    expect(row.endsWith('…')).toBe(true);
    expect(displayWidth(row)).toBeLessThanOrEqual(50);
  });
});

describe('taizhang parse --explain', () => {
  let scratch: string;
  let notice: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'taizhang-explain-'));
    notice = join(scratch, 'notice.txt');
    await writeFile(notice, await noticeWithChrome());
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('prints the explanation instead of the outline, plain when not on a terminal', async () => {
    const run = await taizhang(['parse', notice, '--explain']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.startsWith('notice.txt\n')).toBe(true);
    expect(run.stdout).toMatch(/^dropped \(\d+ lines?\):$/m);
    expect(run.stdout).toMatch(/^ +1 {2}breadcrumb +您当前所在位置/m);
    expect(run.stdout).not.toContain('项任务'); // no outline
    expect(run.stdout).not.toMatch(TERMINAL_CONTROL);
  });

  it('writes the ledger with -o and explains on stdout', async () => {
    const target = join(scratch, 'ledger.json');
    const run = await taizhang(['parse', notice, '--explain', '-o', target]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/breadcrumb/);
    const written = JSON.parse(await readFile(target, 'utf8'));
    expect(written.dropped.map((line: { reason: string }) => line.reason)).toContain('breadcrumb');
  });

  it('refuses to print the explanation and a ledger format both on stdout', async () => {
    for (const clash of [['--format', 'json'], ['--jsonl']]) {
      const run = await taizhang(['parse', notice, '--explain', ...clash]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^taizhang: --explain prints on stdout.*-o\n$/);
    }
  });

  it('leaves the JSON carrying the drops (and line fates) without --explain', async () => {
    const run = await taizhang(['parse', notice, '--format', 'json']);
    const written = JSON.parse(run.stdout);
    expect(written.dropped[0]).toMatchObject({ line: 1, reason: 'breadcrumb' });
    expect(written.lines[0]).toMatchObject({ line: 1, fate: 'dropped', reason: 'breadcrumb' });
  });
});
