import { describe, expect, it } from 'vitest';
import { alignRow, alignStream } from '../../src/table/align.js';
import { isUnitsCell, shapeOf, type CellShape } from '../../src/table/cells.js';
import { isDeadlineCell } from '../../src/vocabulary/deadlines.js';
import { headerColumns, type Column } from '../../src/vocabulary/columns.js';
import { continuesCell, recoverGrids } from '../../src/table/recover.js';
import { recoverTables, type Block, type TableRow } from '../../src/table/index.js';
import { sourceLines } from '../support/models.js';
import { LONE_HEADER_NUMBERED_TWICE, LONE_HEADER_UNIT_AND_LIMIT_LINES, LONE_HEADER_UNIT_LINES } from '../support/tables.js';

// The table stage on made-up tables of every family real pages flatten tables into.

/** A row's cells as kind=text. */
const cellsOf = (row: TableRow) => row.cells.map((c) => `${c.kind}${c.role ? `:${c.role}` : ''}=${c.text}`);
/** Each row as its cells' kinds and texts. */
const rowsOf = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'row' ? [cellsOf(b.row)] : []));
/** Each block in line order: [line, 'row', …cells], [line, 'dropped', reason] or [line, 'line', text]. */
const summary = (blocks: Block[]) =>
  blocks
    .map((b) => (b.kind === 'row' ? [b.row.line.line, 'row', ...cellsOf(b.row)] : b.kind === 'dropped' ? [b.line.line, 'dropped', b.line.reason] : [b.line.line, 'line', b.line.text]))
    .sort((a, b) => (a[0] as number) - (b[0] as number));

const COLUMNS: Column[] = headerColumns(['类别', '序号', '工作任务', '具体要求', '牵头单位', '配合单位', '完成时限', '备注'])!;
const kinds = (shapes: CellShape[]) => alignRow(shapes, COLUMNS).map((i) => (i < 0 ? 'outside' : `${COLUMNS[i]!.kind}${COLUMNS[i]!.role ? `:${COLUMNS[i]!.role}` : ''}`));

describe('cell shapes', () => {
  it('tells numbers, units, limits, numbered cells, names and sentences apart', () => {
    expect(shapeOf('')).toBe('empty');
    expect(shapeOf('12')).toBe('seq');
    expect(shapeOf('县财政局牵头，县审计局配合')).toBe('units');
    expect(shapeOf('各乡镇（街道）、县直各部门')).toBe('units');
    expect(shapeOf('2024年9月底前')).toBe('deadline');
    expect(shapeOf('长期坚持')).toBe('deadline');
    expect(shapeOf('一、深化决策公开')).toBe('marker-short');
    expect(shapeOf('（三）扩大公众参与。健全意见征集反馈机制，及时公布采纳情况。')).toBe('marker-long');
    expect(shapeOf('优化政务服务')).toBe('short');
    expect(shapeOf('建立健全重大决策预公开制度，扩大公众参与')).toBe('long');
  });

  it('reads a unit cell cut off mid-list, and one list naming its levels', () => {
    expect(isUnitsCell('区发改局牵头，区住建局等有关')).toBe(true);
    expect(isUnitsCell('区委办、区政府办、区财政局、区人')).toBe(true);
    expect(isUnitsCell('省、市、县三级人民政府')).toBe(true);
    expect(isUnitsCell('做好政策解读')).toBe(false);
  });

  it('reads a limit cell with or without a date', () => {
    expect(isDeadlineCell('2025年3月')).toBe(true);
    expect(isDeadlineCell('年底前完成')).toBe(true);
    expect(isDeadlineCell('持续推进')).toBe(true);
    expect(isDeadlineCell('自即日起执行')).toBe(true);
    expect(isDeadlineCell('加强政策解读')).toBe(false);
    expect(isDeadlineCell('各部门即日起草方案并报送')).toBe(false);
  });
});

describe('row alignment: a cell each column, any column skipped', () => {
  it('reads a full row in order', () => {
    expect(kinds(['short', 'seq', 'short', 'long', 'units', 'units', 'deadline', 'empty'])).toEqual([
      'category', 'seq', 'task', 'requirement', 'units:lead', 'units:support', 'deadline', 'other',
    ]);
  });

  it('skips the category a rowspan covered, so every later cell shifts left', () => {
    expect(kinds(['seq', 'short', 'long', 'units', 'units', 'deadline'])).toEqual(['seq', 'task', 'requirement', 'units:lead', 'units:support', 'deadline']);
  });

  it('skips the task column between 序号 and 具体要求', () => {
    expect(kinds(['seq', 'long', 'units', 'units', 'deadline'])).toEqual(['seq', 'requirement', 'units:lead', 'units:support', 'deadline']);
  });

  it('skips a unit column covered from above: the 配合 one before the 牵头 one', () => {
    expect(kinds(['seq', 'short', 'long', 'units', 'deadline'])).toEqual(['seq', 'task', 'requirement', 'units:lead', 'deadline']);
  });

  it('leaves trailing cells that were not copied (备注) unfilled, shifting nothing', () => {
    expect(kinds(['short', 'seq', 'short', 'long', 'units', 'units', 'deadline'])).toEqual([
      'category', 'seq', 'task', 'requirement', 'units:lead', 'units:support', 'deadline',
    ]);
  });

  it('puts a number the header does not name outside the columns', () => {
    const columns = headerColumns(['工作任务', '具体要求', '责任单位', '时限要求'])!;
    const aligned = alignRow(['short', 'seq', 'long', 'units', 'deadline'], columns);
    expect(aligned).toEqual([0, -1, 1, 2, 3]);
  });
});

describe('header meanings', () => {
  it('reads a leaders column (牵头领导, 责任县领导) as no unit column: its cells name persons', () => {
    const kinds = (cells: string[]) => headerColumns(cells)!.map((c) => (c.role ? `${c.kind}:${c.role}` : c.kind));
    expect(kinds(['重点任务', '牵头领导', '牵头单位', '配合单位'])).toEqual(['task', 'other', 'units:lead', 'units:support']);
    expect(kinds(['重点任务', '责任县领导', '责任单位'])).toEqual(['task', 'other', 'units:responsible']);
    expect(kinds(['重点任务', '责任单位', '指导单位'])).toEqual(['task', 'units:responsible', 'units:responsible']);
  });
});

describe('stream alignment: one cell a line, rows to be found', () => {
  const columns = headerColumns(['工作任务', '具体要求', '责任单位', '时限要求'])!;

  it('starts a row where the shapes go back to the left, a category skipped in one row', () => {
    const shapes: CellShape[] = ['short', 'seq', 'long', 'units', 'deadline', 'seq', 'long', 'units', 'deadline', 'short', 'seq', 'long', 'units', 'deadline'];
    const rows = alignStream(shapes, columns, shapes.map((_, i) => i === 0));
    expect(rows.map((row) => row.map(([cell]) => cell))).toEqual([[0, 1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12, 13]]);
  });

  it('starts a row where a rule forces one', () => {
    const rows = alignStream(['long', 'units', 'long', 'units'], columns, [true, false, true, false]);
    expect(rows.map((row) => row.map(([cell]) => cell))).toEqual([[0, 1], [2, 3]]);
  });
});

describe('grids from text', () => {
  it('keeps a pipe in a sentence as prose', () => {
    const pieces = recoverGrids(sourceLines('一、加强平台建设', '各部门要在“政策|解读”栏目及时发布解读材料。'));
    expect(pieces.map((p) => p.kind)).toEqual(['line', 'line']);
  });

  it('reads pipe rows, with a header, a rule line and a row with empty cells', () => {
    const pieces = recoverGrids(sourceLines('序号 | 工作任务 | 责任单位 |', '1 | 做好政策解读 | 县政府办 |', '|', '2 | 做好舆情回应 | ||'));
    expect(pieces.map((p) => p.kind)).toEqual(['header', 'row', 'rule', 'row']);
  });

  it('takes a row of one cell spanning the table for a line', () => {
    const pieces = recoverGrids(sourceLines('工作任务 | 责任单位 |', '2024年重点任务清单 |', '做好政策解读 | 县政府办 |'));
    expect(pieces.map((p) => (p.kind === 'line' ? p.line.text : p.kind))).toEqual(['header', '2024年重点任务清单', 'row']);
  });

  it('takes the dashes under a Markdown or text-table header for a rule, not a row', () => {
    for (const dashes of ['| --- | :---: | ---: |', '|---|---|---|', '+------+------+------+']) {
      const pieces = recoverGrids(sourceLines('| 序号 | 工作任务 | 责任单位 |', dashes, '| 1 | 做好政策解读 | 县政府办 |'));
      expect(pieces.map((p) => p.kind)).toEqual(['header', 'rule', 'row']);
    }
  });

  it('reads cells split by lone pipe lines as one stream, the cell before the first pipe included', () => {
    const pieces = recoverGrids(sourceLines('工作任务', '|', '责任单位', '|', '做好政策解读', '|', '县政府办'));
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.kind).toBe('stream');
  });
});

describe('tables of every family, as the table stage hands them on', () => {
  it('pipe rows with a rowspan category missing from later rows', () => {
    const blocks = recoverTables(
      sourceLines(
        '某县2024年政务公开重点任务分工',
        '类别|序号|具体任务|责任单位|完成时限|',
        '决策公开| 1 |健全重大行政决策目录管理制度，按时公布年度目录。|县司法局| 2024年6月底前|',
        '2 |落实决策预公开，公开征求意见不少于30日。|县直各部门|持续推进|',
        '执行公开| 3 |公开重点项目推进情况，接受社会监督。|县发改局|年底前|',
      ),
    );
    expect(summary(blocks)).toEqual([
      [1, 'line', '某县2024年政务公开重点任务分工'],
      [2, 'dropped', 'table header'],
      [3, 'row', 'category=决策公开', 'seq=1', 'requirement=健全重大行政决策目录管理制度，按时公布年度目录。', 'units:responsible=县司法局', 'deadline=2024年6月底前'],
      [4, 'row', 'seq=2', 'requirement=落实决策预公开，公开征求意见不少于30日。', 'units:responsible=县直各部门', 'deadline=持续推进'],
      [5, 'row', 'category=执行公开', 'seq=3', 'requirement=公开重点项目推进情况，接受社会监督。', 'units:responsible=县发改局', 'deadline=年底前'],
    ]);
  });

  it('a short task column spanning rows is read as categories; an empty unit cell is the one above', () => {
    const blocks = recoverTables(
      sourceLines(
        '序号|工作任务|细化分工|责任科室|完成时限|',
        '1 |做好信息发布|及时发布权威信息，回应社会关切。|办公室|长期坚持|',
        '2 |规范发布程序，落实三审三校。| | 2025年3月前|',
        '3 |加强平台建设|完善政府网站栏目设置。|信息中心|年内|',
      ),
    );
    expect(rowsOf(blocks)).toEqual([
      ['seq=1', 'category=做好信息发布', 'requirement=及时发布权威信息，回应社会关切。', 'units:responsible=办公室', 'deadline=长期坚持'],
      ['seq=2', 'requirement=规范发布程序，落实三审三校。', 'deadline=2025年3月前', 'units:responsible=办公室'],
      ['seq=3', 'category=加强平台建设', 'requirement=完善政府网站栏目设置。', 'units:responsible=信息中心', 'deadline=年内'],
    ]);
  });

  it('one cell a line, each ending in “|”, rows closed by a line of pipes', () => {
    const blocks = recoverTables(
      sourceLines(
        '2023年第四季度重点工作提示单',
        '工作任务|',
        '具体要求|',
        '责任单位|',
        '备注|',
        '||',
        '1.规范性文件清理|',
        '全面清理现行有效的规范性文件，形成目录并公开。|',
        '县直各单位|',
        '12月底前完成|',
        '||',
        '2.公开指南更新|',
        '更新政府信息公开指南，标明受理渠道。|',
        '县政府办|',
        '|',
        '||',
      ),
    );
    expect(summary(blocks)).toEqual([
      [1, 'line', '2023年第四季度重点工作提示单'],
      [2, 'dropped', 'table header'],
      [3, 'dropped', 'table header'],
      [4, 'dropped', 'table header'],
      [5, 'dropped', 'table header'],
      [6, 'dropped', 'table rule'],
      [7, 'row', 'task=1.规范性文件清理', 'requirement=全面清理现行有效的规范性文件，形成目录并公开。', 'units:responsible=县直各单位', 'other=12月底前完成'],
      [11, 'dropped', 'table rule'],
      [12, 'row', 'task=2.公开指南更新', 'requirement=更新政府信息公开指南，标明受理渠道。', 'units:responsible=县政府办', 'other='],
      [15, 'dropped', 'table rule'],
      [16, 'dropped', 'table rule'],
    ]);
  });

  it('one cell a line with lone “|” lines between, no header: numbered headings and numbered rows', () => {
    const blocks = recoverTables(
      sourceLines('一、深化重点领域公开|', '（一）财政信息公开|', '1 |', '全面公开部门预决算，细化到功能分类项级科目。|', '县财政局|', '2 |', '公开政府债务限额和余额情况。|', '县财政局，各乡镇|'),
    );
    expect(summary(blocks)).toEqual([
      [1, 'row', 'category=一、深化重点领域公开', 'outside=（一）财政信息公开', 'seq=1', 'requirement=全面公开部门预决算，细化到功能分类项级科目。', 'units:responsible=县财政局'],
      [6, 'row', 'seq=2', 'requirement=公开政府债务限额和余额情况。', 'units:responsible=县财政局，各乡镇'],
    ]);
  });

  it('one cell a line and no separator at all (a Word table saved as text): told by its 序号 lines', () => {
    const blocks = recoverTables(
      sourceLines(
        '某局2021年政务公开重点任务台账',
        '序号', '工作任务', '责任科室', '完成时限',
        '1', '做好预决算公开', '财务科', '年底前',
        '2', '规范政策解读', '各科室', '持续推进',
        '3', '办理依申请公开', '办公室', '长期推进',
        '各科室要按时报送落实情况。',
      ),
    );
    expect(summary(blocks)).toEqual([
      [1, 'line', '某局2021年政务公开重点任务台账'],
      [2, 'dropped', 'table header'],
      [3, 'dropped', 'table header'],
      [4, 'dropped', 'table header'],
      [5, 'dropped', 'table header'],
      [6, 'row', 'seq=1', 'task=做好预决算公开', 'units:responsible=财务科', 'deadline=年底前'],
      [10, 'row', 'seq=2', 'task=规范政策解读', 'units:responsible=各科室', 'deadline=持续推进'],
      [14, 'row', 'seq=3', 'task=办理依申请公开', 'units:responsible=办公室', 'deadline=长期推进'],
      // The row after the last number is as long as the others: a closing paragraph stays a line.
      [18, 'line', '各科室要按时报送落实情况。'],
    ]);
  });

  it('…with no header, and numbered headings between the rows', () => {
    const blocks = recoverTables(
      sourceLines(
        '一、深化重点领域公开',
        '1', '全面公开部门预决算，细化到功能分类项级科目。', '县财政局',
        '2', '公开政府债务限额和余额情况。', '县财政局，各乡镇',
        '二、加强政策解读',
        '3', '重要政策文件印发后及时发布解读材料。', '县政府办',
      ),
    );
    expect(summary(blocks)).toEqual([
      [1, 'line', '一、深化重点领域公开'],
      [2, 'row', 'seq=1', 'requirement=全面公开部门预决算，细化到功能分类项级科目。', 'units:responsible=县财政局'],
      [5, 'row', 'seq=2', 'requirement=公开政府债务限额和余额情况。', 'units:responsible=县财政局，各乡镇'],
      // A category cell starts the row it spans, as in a stream with separators.
      [8, 'row', 'category=二、加强政策解读', 'seq=3', 'requirement=重要政策文件印发后及时发布解读材料。', 'units:responsible=县政府办'],
    ]);
  });

  it('…with cells hard-wrapped over two lines: a unit list after its 、, a sentence after a comma or at the width', () => {
    const blocks = recoverTables(
      sourceLines(
        '序号', '工作任务', '具体要求', '牵头单位', '配合单位', '完成时限',
        '1', '做好财政信息公开', '公开部门预算和决算，细化到功能分类项级科目，', '并公开绩效目标。', '县财政局', '县审计局、县统计局、', '各乡镇', '9月底前',
        '2', '规范政策解读', '解读材料与政策文件同步起草、同步审签、同步发布，由起草部门在', '政府网站解读专栏集中发布。', '县政府办', '县司法局', '持续推进',
        '3', '回应社会关切', '围绕群众关切及时发布权威信息', '县委网信办', '县融媒体中心', '长期坚持',
        '县政府办公室',
      ),
    );
    expect(summary(blocks).filter((b) => b[1] !== 'dropped')).toEqual([
      [7, 'row', 'seq=1', 'task=做好财政信息公开', 'requirement=公开部门预算和决算，细化到功能分类项级科目，并公开绩效目标。', 'units:lead=县财政局', 'units:support=县审计局、县统计局、各乡镇', 'deadline=9月底前'],
      [15, 'row', 'seq=2', 'task=规范政策解读', 'requirement=解读材料与政策文件同步起草、同步审签、同步发布，由起草部门在政府网站解读专栏集中发布。', 'units:lead=县政府办', 'units:support=县司法局', 'deadline=持续推进'],
      // A requirement without its 。 and a unit cell without a trailing 、 end their cells.
      [22, 'row', 'seq=3', 'task=回应社会关切', 'requirement=围绕群众关切及时发布权威信息', 'units:lead=县委网信办', 'units:support=县融媒体中心', 'deadline=长期坚持'],
      // The last row counts its cells, not its lines: the signature after it stays a line.
      [28, 'line', '县政府办公室'],
    ]);
    const joined = blocks.flatMap((b) => (b.kind === 'row' ? b.row.cells : [])).filter((c) => c.line.lastLine !== undefined);
    // A joined cell says where it ends, so that --explain gives both its lines to the task.
    expect(joined.map((c) => [c.line.line, c.line.lastLine])).toEqual([[9, 10], [12, 13], [17, 18]]);
  });

  it('…a row of more lines than a row holds cells, its requirement wrapped over several', () => {
    const requirement = ['公开部门预算和决算，细化公开三公经费和政府采购信息，', '按规定时限在政府网站财政专栏集中公开，同步做好预算说', '明和名词解释，方便公众查阅和理解，对重点支出作出说明', '并及时回应公众关于预算决算的咨询。'];
    const row = (n: number) => [`${n}`, '做好财政信息公开', ...requirement, '县财政局', '县审计局、', '县统计局', '年底前'];
    const rows = rowsOf(recoverTables(sourceLines('序号', '工作任务', '具体要求', '牵头单位', '配合单位', '完成时限', ...row(1), ...row(2), ...row(3))));
    expect(rows.map((cells) => cells.length)).toEqual([6, 6, 6]);
    expect(rows[0]![2]).toBe(`requirement=${requirement.join('')}`);
  });

  it('a line goes on with the cell before only when the cell could not have ended there', () => {
    // The stream's longest line: a line this long (less one) that stops without an end was cut.
    const width = '围绕稳就业稳物价保民生等重点工作及时发布政策解读材料并'.length;
    // Goes on: after a comma or a 、, or at the wrap width without an end.
    expect(continuesCell('推进政务公开标准化，', '完善公开目录。', width)).toBe(true);
    expect(continuesCell('县发改局、县财政局、', '县人社局', width)).toBe(true);
    expect(continuesCell('围绕稳就业稳物价保民生等重点工作及时发布政策解读材料并', '回应社会关切。', width)).toBe(true);
    // Ends: a short name, a finished sentence, a unit cell then another column's units, a unit
    // list then text, a limit, a 序号 or a numbered line after it.
    expect(continuesCell('做好政策解读', '围绕重要政策及时解读。', width)).toBe(false);
    expect(continuesCell('围绕重要政策，及时发布解读材料，做好舆情回应工作。', '县政府办', width)).toBe(false);
    expect(continuesCell('县政府办', '县司法局、县财政局', width)).toBe(false);
    expect(continuesCell('县发改局、县财政局、', '按职责抓好落实，确保按期完成。', width)).toBe(false);
    expect(continuesCell('公开部门预算和决算，', '县财政局', width)).toBe(false);
    expect(continuesCell('公开部门预算和决算，', '6月底前', width)).toBe(false);
    expect(continuesCell('公开部门预算和决算，', '（二）加强政策解读', width)).toBe(false);
    expect(continuesCell('围绕稳就业稳物价保民生等重点工作及时发布政策解读材料', '4', width)).toBe(false);
  });

  it('leaves bare numbers alone that are too few, too far apart or out of order (page numbers, a list)', () => {
    const page = (n: number) => [`${n}`, ...Array.from({ length: 12 }, (_, k) => `第${n}页的第${k + 1}段文字，说明工作要求。`)];
    const wrappedPage = (n: number) => [`${n}`, ...Array.from({ length: 20 }, (_, k) => (k % 5 === 4 ? '段落到此结束。' : `第${n}页第${k + 1}行的文字在版心宽度处折行而没有标点符号`))];
    for (const lines of [
      ['1', '做好预决算公开', '财务科', '2', '规范政策解读', '各科室'],
      [...page(1), ...page(2), ...page(3)],
      // Pages of text wrapped at one width: a few paragraphs between page numbers, but many lines.
      [...wrappedPage(1), ...wrappedPage(2), ...wrappedPage(3)],
      ['3', '做好预决算公开', '财务科', '1', '规范政策解读', '各科室', '2', '办理依申请公开', '办公室'],
    ]) {
      expect(recoverTables(sourceLines(...lines)).every((b) => b.kind === 'line')).toBe(true);
    }
  });

  it('a header of lone lines is dropped; the paragraphs and unit lines under it stay lines', () => {
    const blocks = recoverTables(sourceLines(...LONE_HEADER_UNIT_LINES));
    expect(summary(blocks)).toEqual([
      [1, 'line', '某市2019年政务公开工作要点实施方案'],
      [2, 'dropped', 'table header'],
      [3, 'dropped', 'table header'],
      [4, 'dropped', 'table header'],
      [5, 'dropped', 'table header'],
      [6, 'line', '一、以公开促进发展'],
      [7, 'line', '（一）稳定市场预期'],
      [8, 'line', '围绕全市经济运行情况，及时发布权威数据，解读经济形势。'],
      [9, 'line', '市统计局牵头落实'],
      [10, 'line', '加强就业政策公开，解读政策背景和落实情况。'],
      [11, 'line', '市人社局、市教育局分别牵头落实'],
    ]);
  });

  it('a header of lone lines with a unit and a limit line after each numbered item: the header is dropped', () => {
    const blocks = recoverTables(sourceLines(...LONE_HEADER_UNIT_AND_LIMIT_LINES));
    expect(summary(blocks).map(([line, kind]) => [line, kind])).toEqual([
      [1, 'dropped'],
      [2, 'dropped'],
      [3, 'dropped'],
      [4, 'dropped'],
      ...[5, 6, 7, 8, 9, 10, 11].map((line) => [line, 'line']),
    ]);
  });

  it('a header of lone lines, each task cell numbered as its requirement: a row each, with its unit and limit lines', () => {
    const blocks = recoverTables(sourceLines(...LONE_HEADER_NUMBERED_TWICE));
    expect(summary(blocks).filter((b) => b[1] !== 'dropped')).toEqual([
      [6, 'row', 'task=（一）做好预决算公开', 'requirement=全面公开部门预算和决算。', 'requirement=同步公开绩效目标和评价结果。', 'units:lead=某县财政局', 'units:support=某县直各部门', 'deadline=2024年6月底前'],
      [12, 'row', 'task=（二）推进政策解读', 'requirement=解读材料与政策文件同步起草、同步发布。', 'units:lead=某县政府办', 'units:support=某县司法局', 'deadline=持续推进'],
      // No column is left for it: the closing paragraph stays a line.
      [17, 'line', '各单位要按照分工抓好落实。'],
    ]);
    // Numbered lines that do not repeat their number stay lines, as without the header.
    const twoItems = recoverTables(sourceLines('工作任务', '具体措施', '责任单位', '（一）做好预决算公开', '（二）推进政策解读', '某县政府办'));
    expect(twoItems.filter((b) => b.kind !== 'dropped').map((b) => b.kind)).toEqual(['line', 'line', 'line']);
  });

  it('a numbering style keeps its column: （二） rows under 一、 with empty unit cells', () => {
    const blocks = recoverTables(
      sourceLines(
        '工作任务 | 具体要求 | 责任单位 |',
        '一、加强政策解读 | （一）做好解读材料与文件同步起草。 | 各乡镇，县直各单位 |',
        '（二）重要政策出台后及时解读。 | ||',
      ),
    );
    expect(rowsOf(blocks)).toEqual([
      ['category=一、加强政策解读', 'requirement=（一）做好解读材料与文件同步起草。', 'units:responsible=各乡镇，县直各单位'],
      ['requirement=（二）重要政策出台后及时解读。', 'outside=', 'units:responsible=各乡镇，县直各单位'],
    ]);
  });

  it('drops the header and the rules, and hands on every row with its line', () => {
    const blocks = recoverTables(sourceLines('序号|工作任务|责任单位|', '1 |做好政策解读|县政府办|', '|', '2 |做好舆情回应|县委网信办|'));
    expect(summary(blocks)).toEqual([
      [1, 'dropped', 'table header'],
      [2, 'row', 'seq=1', 'task=做好政策解读', 'units:responsible=县政府办'],
      [3, 'dropped', 'table rule'],
      [4, 'row', 'seq=2', 'task=做好舆情回应', 'units:responsible=县委网信办'],
    ]);
  });
});
