import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OutlineNode } from '../../src/model.js';
import { clean } from '../../src/clean/index.js';
import { outline } from '../../src/outline/index.js';
import { ledgerOf } from '../../src/pipeline.js';
import { decoded } from '../support/models.js';

// Rules that show only when the stages run one after another (src/pipeline.ts): what an earlier
// stage does to the text decides what a later one reads. Each stage's own rules are pinned in its
// own folder, on its own input model (test/support/models.ts).

/** A node as [marker, depth, ordinals, head, children]. */
type Shape = [string, number, string, string, Shape[]];
const shape = (n: OutlineNode): Shape => [n.marker.text, n.depth, n.ordinals.join('.'), n.head.text, n.children.map(shape)];

describe('clean, then outline', () => {
  it('reads 1\\ue010深入… (a private-use separator) as item 1', () => {
    expect(outline(clean(decoded(['一、加强平台建设', '1\ue010深入推进政府网站集约化。', '2\ue010加强政务新媒体管理。']))).roots.map(shape)).toEqual([
      ['一、', 1, '1', '加强平台建设', [['1', 2, '1.1', '深入推进政府网站集约化。', []], ['2', 2, '1.2', '加强政务新媒体管理。', []]]],
    ]);
  });
});

describe('read model, through to the ledger', () => {
  it('writes task text in simplified Chinese with full-width punctuation', () => {
    const l = ledgerOf(decoded(['一、加強政策解讀', '（一）著力做好政策解讀,重要政策文件出臺後3個工作日內發布解讀材料。(市政府辦公室牽頭落實)']));
    expect(l.tasks).toEqual([
      {
        id: '1.1',
        seq: 1,
        path: ['加强政策解读'],
        title: null,
        text: '著力做好政策解读，重要政策文件出台后3个工作日内发布解读材料。',
        units: [{ name: '市政府办公室', role: 'lead' }],
        deadlines: [{ text: '出台后3个工作日内', date: null }],
        line: 2,
      },
    ]);
  });

  it('a web page’s table that names no task column gives no tasks', () => {
    const row = { table: 1, header: false, spanned: [false, false, false] };
    const lineSources = [{ origin: { block: 1 } }, { origin: { block: 2 }, row }, { origin: { block: 3 }, row }];
    const page = ledgerOf(decoded(['处罚信息公开表', '序号 | 当事人名称 | 决定书文号 |', '1 | 某公司 | 某罚决字〔2024〕5号 |'], { format: 'html', lineSources }));
    expect(page.tasks).toEqual([]);
    expect(page.dropped?.filter((d) => d.reason === 'table without a task header')).toHaveLength(2);
  });
});

describe('every cleaned line of a real notice is accounted for in the ledger', () => {
  for (const file of readdirSync('fixtures/notices')) {
    it(file, () => {
      const notice = decoded(readFileSync(`fixtures/notices/${file}`, 'utf8'), { name: file });
      const cleaned = clean(notice);
      const fates = new Map(ledgerOf(notice).lines!.map((l) => [l.line, l]));
      for (const line of [...cleaned.lines, ...cleaned.file.dropped]) expect(fates.has(line.line), `line ${line.line}`).toBe(true);
    });
  }
});
