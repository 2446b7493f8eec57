import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainLedger, placeOf } from '../../src/export/explain.js';
import { parseBytes } from '../../src/pipeline.js';

// Every task points at where its text starts: a line of a text file; in a document without lines
// of its own, its origin — a page's or Word file's block, a PDF's page and line, a sheet's row.

const parse = (path: string) => parseBytes(readFileSync(path), { name: path });

describe('where tasks come from', () => {
  it('a text notice: the line, and no origin', async () => {
    const ledger = await parse('fixtures/notices/yancheng-2016.txt');
    expect(ledger.tasks[0]!.line).toBeGreaterThan(1);
    expect(ledger.tasks[0]!.origin).toBeUndefined();
  });

  it('a web page: the block, counted in reading order (paragraphs and table rows)', async () => {
    const html = Buffer.from(
      '<html><head><meta charset="utf-8"></head><body><div class="article"><p>某市2021年政务公开工作要点</p><p>一、加强政策解读</p>' +
        '<p>（一）做好解读。<br>（二）回应关切。</p><p>二、推进预算公开</p>' +
        '<table><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr><tr><td>1</td><td>公开预算</td><td>市财政局</td></tr></table></div></body></html>',
    );
    const ledger = await parseBytes(html, { name: 'plan.html' });
    expect(ledger.tasks.map((t) => [t.line, t.origin])).toEqual([
      [null, { block: 3 }],
      // the line after a <br> is of the same paragraph
      [null, { block: 3 }],
      // 二、 is ¶4, the table's header ¶5
      [null, { block: 6 }],
    ]);
  });

  it('a PDF: the page and the line on it, in the JSON and in --explain', async () => {
    const ledger = await parse('fixtures/pdf/yancheng-2016.pdf');
    const first = ledger.tasks[0]!;
    expect(first.line).toBeNull();
    expect(first.origin).toMatchObject({ page: 1 });
    expect(first.origin!.pageLine).toBeGreaterThan(1);
    const last = ledger.tasks.at(-1)!;
    expect(last.origin!.page).toBeGreaterThan(1);
    expect(explainLedger(ledger)).toContain(`p${first.origin!.page} l${first.origin!.pageLine}`);
  });

  it('a workbook: the sheet and the row as Excel numbers it', async () => {
    const ledger = await parse('fixtures/sheet/yancheng-2016.xlsx');
    // a title row, the header, then the first task
    expect(ledger.tasks[0]!.origin).toMatchObject({ sheet: '分工表', row: 3 });
    expect(ledger.tasks[1]!.origin).toMatchObject({ row: 4 });
  });

  it('names a place as a clerk would look it up', () => {
    expect(placeOf(12, undefined)).toBe(12);
    expect(placeOf(12, { block: 7, page: 3, pageLine: 14 })).toBe('p3 l14');
    expect(placeOf(12, { block: 7, sheet: '分工表', row: 5 })).toBe('分工表 r5');
    expect(placeOf(12, { block: 7 })).toBe('¶7');
  });
});
