import { describe, expect, it } from 'vitest';
import type { Decoded, Ledger } from '../../src/model.js';
import { ledgerOf } from '../../src/pipeline.js';

// A table flattened to text (or rebuilt by a reader from positions or tabs) loses the cells a
// rowspan covered. A task that names no unit answering for it lost that cell; one that names one
// lost nothing, and an empty 配合 cell is a task no one supports.

const text = (lines: string[]): Decoded => ({ name: 'plan.txt', format: 'text', encoding: 'utf-8', text: lines.join('\n'), warnings: [] });
const units = (ledger: Ledger) => ledger.tasks.map((t) => t.units.map((u) => `${u.name}:${u.role}`).join('、'));

describe('cells a rowspan covered', () => {
  it('takes the units answering for a task from the row above when its row names none', () => {
    const ledger = ledgerOf(
      text(['序号 | 工作任务 | 责任单位 | 完成时限 |', '1 | 公开年度预算 | 市财政局 | 6月底前 |', '2 | 公开年度决算 |  | 9月底前 |', '3 | 公开审计结果 | 市审计局 | 年底前 |']),
    );
    expect(units(ledger)).toEqual(['市财政局:responsible', '市财政局:responsible', '市审计局:responsible']);
  });

  it('leaves a 责任 cell empty beside a 牵头 unit, and a 配合 cell empty', () => {
    const ledger = ledgerOf(
      text([
        '序号 | 工作任务 | 牵头单位 | 责任单位 | 配合单位 |',
        '1 | 公开权责清单 | 市编办 |  | 市政务办 |',
        '2 | 公开监管信息 |  | 市有关部门 |  |',
        '3 | 公开服务目录 | 市政务办 |  |  |',
      ]),
    );
    expect(units(ledger)).toEqual(['市编办:lead、市政务办:support', '市有关部门:responsible', '市政务办:lead']);
  });
});
