import { describe, expect, it } from 'vitest';
import { recoverTables } from '../../src/table/index.js';
import { sourceLines } from '../support/models.js';

// A table flattened to text (or rebuilt by a reader from positions or tabs) loses the cells a
// rowspan covered. A task that names no unit answering for it lost that cell; one that names one
// lost nothing, and an empty 配合 cell is a task no one supports. (The same tables through to the
// ledger: test/corpus/pipeline.test.ts.)

/** The unit cells of each row the table stage reads in these cleaned lines, as role=text. */
const unitCells = (...lines: string[]) =>
  recoverTables(sourceLines(...lines)).flatMap((b) => (b.kind === 'row' ? [b.row.cells.filter((c) => c.kind === 'units').map((c) => `${c.role}=${c.text}`)] : []));

describe('cells a rowspan covered', () => {
  it('takes the units answering for a task from the row above when its row names none', () => {
    expect(unitCells('序号|工作任务|责任单位|完成时限|', '1 |公开年度预算|市财政局| 6月底前|', '2 |公开年度决算| | 9月底前|', '3 |公开审计结果|市审计局|年底前|')).toEqual([
      ['responsible=市财政局'],
      ['responsible=市财政局'],
      ['responsible=市审计局'],
    ]);
  });

  it('leaves a 责任 cell empty beside a 牵头 unit, and a 配合 cell empty', () => {
    expect(
      unitCells('序号|工作任务|牵头单位|责任单位|配合单位|', '1 |公开权责清单|市编办| |市政务办|', '2 |公开监管信息| |市有关部门| |', '3 |公开服务目录|市政务办| | |'),
    ).toEqual([
      ['lead=市编办', 'responsible=', 'support=市政务办'],
      ['lead=', 'responsible=市有关部门', 'support='],
      ['lead=市政务办', 'responsible=', 'support='],
    ]);
  });
});
