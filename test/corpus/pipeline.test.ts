import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Ledger, OutlineNode, Task } from '../../src/model.js';
import { clean } from '../../src/clean/index.js';
import { outline } from '../../src/outline/index.js';
import { ledgerOf, parseBytes } from '../../src/pipeline.js';
import { explainLedger } from '../../src/export/explain.js';
import { decoded } from '../support/models.js';
import { noticeWithChrome } from '../support/pages.js';
import { LONE_HEADER_NUMBERED_TWICE, LONE_HEADER_UNIT_AND_LIMIT_LINES, LONE_HEADER_UNIT_LINES } from '../support/tables.js';

// Rules that show only when the stages run one after another (src/pipeline.ts): what an earlier
// stage does to the text decides what a later one reads. Each stage's own rules are pinned in its
// own folder, on its own input model (test/support/models.ts).

/** The ledger of these lines of a plain-text file. */
const ledger = (...lines: string[]): Ledger => ledgerOf(decoded(lines));
/** id, path, title, text, units as name:role, deadlines. */
const brief = (l: Ledger) =>
  l.tasks.map((t) => [t.id, t.path, t.title, t.text, t.units.map((u) => `${u.name}:${u.role}`), t.deadlines.map((d) => d.date ?? d.text)]);

/** A task's units as name:role, joined. */
const unitsText = (t: Task) => t.units.map((u) => `${u.name}:${u.role}`).join('、');
const unitsOf = (l: Ledger) => l.tasks.map(unitsText);
/** Each task as its path joined with /, its text and its units. */
const pathTextUnits = (l: Ledger) => l.tasks.map((t) => [t.path.join('/'), t.text, unitsText(t)]);
/** A web page whose article is this HTML. */
const page = (body: string) => Buffer.from(`<html><head><meta charset="utf-8"><title>某市政务公开工作要点</title></head><body><div class="article">${body}</div></body></html>`);
const parse = (body: string): Promise<Ledger> => parseBytes(page(body), { name: 'plan.html' });

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
    const l = ledger('一、加強政策解讀', '（一）著力做好政策解讀,重要政策文件出臺後3個工作日內發布解讀材料。(市政府辦公室牽頭落實)');
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
  // The corpus's text notices too: tables flattened one cell to a line give each cell its line.
  const notices = [
    ...readdirSync('fixtures/notices').map((file) => `fixtures/notices/${file}`),
    ...readdirSync('fixtures/corpus/docs').filter((file) => file.endsWith('.txt')).map((file) => `fixtures/corpus/docs/${file}`),
  ];
  for (const path of notices) {
    const file = path.split('/').at(-1)!;
    it(path, () => {
      const notice = decoded(readFileSync(path, 'utf8'), { name: file });
      const cleaned = clean(notice);
      const fates = new Map(ledgerOf(notice).lines!.map((l) => [l.line, l]));
      for (const line of [...cleaned.lines, ...cleaned.file.dropped]) expect(fates.has(line.line), `line ${line.line}`).toBe(true);
    });
  }
});

describe('tables of every family, through to the ledger (the table stage: test/table/table.test.ts)', () => {
  it('pipe rows with a rowspan category missing from later rows', () => {
    const l = ledger(
      '某县2024年政务公开重点任务分工',
      '类别 | 序号 | 具体任务 | 责任单位 | 完成时限 |',
      '决策公开 | 1 | 健全重大行政决策目录管理制度，按时公布年度目录。 | 县司法局 | 2024年6月底前 |',
      '2 | 落实决策预公开，公开征求意见不少于30日。 | 县直各部门 | 持续推进 |',
      '执行公开 | 3 | 公开重点项目推进情况，接受社会监督。 | 县发改局 | 年底前 |',
    );
    expect(brief(l)).toEqual([
      ['1', ['决策公开'], null, '健全重大行政决策目录管理制度，按时公布年度目录。', ['县司法局:responsible'], ['2024-06-30']],
      ['2', ['决策公开'], null, '落实决策预公开，公开征求意见不少于30日。', ['县直各部门:responsible'], ['持续推进']],
      ['3', ['执行公开'], null, '公开重点项目推进情况，接受社会监督。', ['县发改局:responsible'], ['2024-12-31']],
    ]);
  });

  it('a short task column spanning rows becomes the path; an empty unit cell is the one above', () => {
    const l = ledger(
      '序号 | 工作任务 | 细化分工 | 责任科室 | 完成时限 |',
      '1 | 做好信息发布 | 及时发布权威信息，回应社会关切。 | 办公室 | 长期坚持 |',
      '2 | 规范发布程序，落实三审三校。 |  | 2025年3月前 |',
      '3 | 加强平台建设 | 完善政府网站栏目设置。 | 信息中心 | 年内 |',
    );
    expect(brief(l).map(([id, path, , , units]) => [id, path, units])).toEqual([
      ['1', ['做好信息发布'], ['办公室:responsible']],
      ['2', ['做好信息发布'], ['办公室:responsible']],
      ['3', ['加强平台建设'], ['信息中心:responsible']],
    ]);
  });

  it('one cell a line, each ending in “ |”, rows closed by a line of pipes', () => {
    const l = ledger(
      '2023年第四季度重点工作提示单',
      '工作任务 |',
      '具体要求 |',
      '责任单位 |',
      '备注 |',
      '||',
      '1.规范性文件清理 |',
      '全面清理现行有效的规范性文件，形成目录并公开。 |',
      '县直各单位 |',
      '12月底前完成 |',
      '||',
      '2.公开指南更新 |',
      '更新政府信息公开指南，标明受理渠道。 |',
      '县政府办 |',
      '|',
      '||',
    );
    expect(brief(l)).toEqual([
      ['1', [], '规范性文件清理', '规范性文件清理\n全面清理现行有效的规范性文件，形成目录并公开。', ['县直各单位:responsible'], ['12月底前']],
      ['2', [], '公开指南更新', '公开指南更新\n更新政府信息公开指南，标明受理渠道。', ['县政府办:responsible'], []],
    ]);
  });

  it('one cell a line with lone “|” lines between, no header: numbered headings and numbered rows', () => {
    const l = ledger(
      '一、深化重点领域公开 |',
      '（一）财政信息公开 |',
      '1 |',
      '全面公开部门预决算，细化到功能分类项级科目。 |',
      '县财政局 |',
      '2 |',
      '公开政府债务限额和余额情况。 |',
      '县财政局，各乡镇 |',
    );
    expect(brief(l).map(([id, path, , , units]) => [id, path, units])).toEqual([
      ['1.1.1', ['深化重点领域公开', '财政信息公开'], ['县财政局:responsible']],
      ['1.1.2', ['深化重点领域公开', '财政信息公开'], ['县财政局:responsible', '各乡镇:responsible']],
    ]);
  });

  it('a header of lone lines, and a line of units closing each paragraph under it', () => {
    const l = ledger(...LONE_HEADER_UNIT_LINES);
    expect(brief(l)).toEqual([
      ['1.1', ['以公开促进发展', '稳定市场预期'], null, '围绕全市经济运行情况，及时发布权威数据，解读经济形势。', ['市统计局:lead'], []],
      ['1.1-2', ['以公开促进发展', '稳定市场预期'], null, '加强就业政策公开，解读政策背景和落实情况。', ['市人社局:lead', '市教育局:lead'], []],
    ]);
  });

  it('a header of lone lines with a unit and a limit line after each numbered item', () => {
    const l = ledger(...LONE_HEADER_UNIT_AND_LIMIT_LINES);
    expect(brief(l).map(([id, , , , units, deadlines]) => [id, units, deadlines])).toEqual([
      ['1.1', ['市司法局:responsible'], ['2024-12-31']],
      ['1.2', ['市政府办公室:lead', '市直各单位:responsible'], ['2024-11-30']],
    ]);
  });

  it('a header of lone lines whose task cells are numbered as their requirements: one task a row, every line its task’s', () => {
    const l = ledger(...LONE_HEADER_NUMBERED_TWICE);
    expect(brief(l)).toEqual([
      ['1', [], '做好预决算公开', '做好预决算公开\n全面公开部门预算和决算。\n同步公开绩效目标和评价结果。', ['某县财政局:lead', '某县直各部门:support'], ['2024-06-30']],
      ['2', [], '推进政策解读', '推进政策解读\n解读材料与政策文件同步起草、同步发布。', ['某县政府办:lead', '某县司法局:support'], ['持续推进']],
      ['end', [], null, '各单位要按照分工抓好落实。', [], []],
    ]);
    expect(l.warnings.filter((w) => w.code === 'repeated-marker')).toEqual([]);
    expect(l.lines?.map((f) => `${f.line}:${f.fate}:${f.reason ?? f.id}`)).toEqual([
      ...[1, 2, 3, 4, 5].map((line) => `${line}:dropped:table header`),
      ...[6, 7, 8, 9, 10, 11].map((line) => `${line}:task:1`),
      ...[12, 13, 14, 15, 16].map((line) => `${line}:task:2`),
      '17:task:end',
    ]);
  });

  it('a row of pipes a requirement and a unit list wrapped onto: one task, both lines its own in --explain', () => {
    const l = ledger('| 序号 | 工作任务 | 责任单位 | 完成时限 |', '| 1 | 公开部门预算， | 县财政局、县 | 年底前 |', '| | 同步公开绩效目标。 | 审计局 | |', '| 2 | 做好政策解读。 | 县政府办 | 持续推进 |');
    expect(brief(l)).toEqual([
      ['1', [], null, '公开部门预算，同步公开绩效目标。', ['县财政局:responsible', '县审计局:responsible'], ['年底前']],
      ['2', [], null, '做好政策解读。', ['县政府办:responsible'], ['持续推进']],
    ]);
    expect(l.lines?.map((f) => [f.line, f.fate, f.reason ?? f.id])).toEqual([
      [1, 'dropped', 'table header'],
      [2, 'task', '1'],
      [3, 'task', '1'],
      [4, 'task', '2'],
    ]);
  });

  it('drops the header and the rules, and keeps every row’s line in --explain', () => {
    const l = ledger('序号 | 工作任务 | 责任单位 |', '1 | 做好政策解读 | 县政府办 |', '|', '2 | 做好舆情回应 | 县委网信办 |');
    expect(l.lines?.map((f) => [f.line, f.fate, f.reason ?? f.id])).toEqual([
      [1, 'dropped', 'table header'],
      [2, 'task', '1'],
      [3, 'dropped', 'table rule'],
      [4, 'task', '2'],
    ]);
  });
});

describe('cells a rowspan covered, through to the ledger (the table stage: test/table/fill-from-above.test.ts)', () => {
  it('takes the units answering for a task from the row above when its row names none', () => {
    const ledger = ledgerOf(
      decoded(['序号 | 工作任务 | 责任单位 | 完成时限 |', '1 | 公开年度预算 | 市财政局 | 6月底前 |', '2 | 公开年度决算 |  | 9月底前 |', '3 | 公开审计结果 | 市审计局 | 年底前 |']),
    );
    expect(unitsOf(ledger)).toEqual(['市财政局:responsible', '市财政局:responsible', '市审计局:responsible']);
  });

  it('leaves a 责任 cell empty beside a 牵头 unit, and a 配合 cell empty', () => {
    const ledger = ledgerOf(
      decoded([
        '序号 | 工作任务 | 牵头单位 | 责任单位 | 配合单位 |',
        '1 | 公开权责清单 | 市编办 |  | 市政务办 |',
        '2 | 公开监管信息 |  | 市有关部门 |  |',
        '3 | 公开服务目录 | 市政务办 |  |  |',
      ]),
    );
    expect(unitsOf(ledger)).toEqual(['市编办:lead、市政务办:support', '市有关部门:responsible', '市政务办:lead']);
  });
});

describe('rows a reader found, from a web page through to the ledger (the table stage: test/table/reader-rows.test.ts)', () => {
  it('keeps pipes in the paragraphs of a page as prose', async () => {
    const ledger = await parse(
      '<p>一、加强平台建设</p><p>（一）在政策|解读栏目发布解读材料。（责任单位：市政府办公室）</p><p>（二）在互动|交流栏目按时答复留言。（责任单位：市信访局）</p>',
    );
    expect(pathTextUnits(ledger)).toEqual([
      ['加强平台建设', '在政策|解读栏目发布解读材料。', '市政府办公室:responsible'],
      ['加强平台建设', '在互动|交流栏目按时答复留言。', '市信访局:responsible'],
    ]);
  });

  it('keeps a pipe inside a cell in its cell', async () => {
    const ledger = await parse(
      '<table><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr><tr><td>1</td><td>在“政策|解读”栏目发布材料</td><td>市发改委</td></tr><tr><td>2</td><td>公开预决算</td><td>市财政局</td></tr></table>',
    );
    expect(ledger.tasks.map((t) => t.units.map((u) => u.name).join())).toEqual(['市发改委', '市财政局']);
    expect(ledger.tasks[0]!.text).toMatch(/^在“政策.解读”栏目发布材料$/);
  });

  it('reads each cell under its own column, however it looks', async () => {
    // A units cell that reads like a sentence, a short requirement, an empty 配合 cell: a row
    // recovered from text would have to guess; the reader's row says.
    const ledger = await parse(
      '<table><tr><td>序号</td><td>具体要求</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>' +
        '<tr><td>1</td><td>公开预算</td><td>市财政局</td><td></td><td>6月底前</td></tr>' +
        '<tr><td>2</td><td>做好政策解读工作，及时回应社会关切</td><td>市政府办公室</td><td>市直各单位</td><td>长期坚持</td></tr></table>',
    );
    expect(ledger.tasks.map((t) => [t.text, t.units.map((u) => `${u.name}:${u.role}`).join('、'), t.deadlines.map((d) => d.text).join()])).toEqual([
      ['公开预算', '市财政局:lead', '6月底前'],
      ['做好政策解读工作，及时回应社会关切', '市政府办公室:lead、市直各单位:support', '长期坚持'],
    ]);
  });

  it('takes a task column whose cells span rows for categories', async () => {
    const ledger = await parse(
      '<table><tr><td>工作任务</td><td>具体要求</td><td>责任单位</td></tr>' +
        '<tr><td rowspan="2">推进决策公开</td><td>公开重大决策草案</td><td>市发改委</td></tr>' +
        '<tr><td>做好决策解读</td><td>市政府办公室</td></tr>' +
        '<tr><td>推进结果公开</td><td>公开年度目标完成情况</td><td>市统计局</td></tr></table>',
    );
    expect(pathTextUnits(ledger)).toEqual([
      ['推进决策公开', '公开重大决策草案', '市发改委:responsible'],
      ['推进决策公开', '做好决策解读', '市政府办公室:responsible'],
      ['推进结果公开', '公开年度目标完成情况', '市统计局:responsible'],
    ]);
  });

  it('realigns a row whose cells contradict their columns, where a lost cell shifted the rest left, rebuilt (a PDF, a .doc) or laid out (a page)', () => {
    const lines = ['序号 | 工作任务 | 具体要求 | 责任单位 | 完成时限 |', '1 | 推进决策公开 | 公开重大决策草案，广泛听取意见 | 市发改委 | 6月底前 |', '2 | 做好政策解读工作 | 市政府办公室 | 长期坚持 |  |'];
    const row = (header: boolean, rebuilt: boolean) => ({ table: 1, header, spanned: [false, false, false, false, false], ...(rebuilt ? { rebuilt } : {}) });
    const ledger = (rebuilt: boolean) =>
      ledgerOf({
        name: 'plan.pdf',
        format: 'pdf',
        encoding: 'utf-8',
        text: lines.join('\n'),
        warnings: [],
        lineSources: lines.map((_, i) => ({ origin: { block: i + 1 }, row: row(i === 0, rebuilt) })),
      });
    const unitsAndLimits = (l: Ledger) => l.tasks.map((t) => [t.units.map((u) => u.name).join(), t.deadlines.map((d) => d.text).join()]);
    expect(unitsAndLimits(ledger(true))).toEqual([
      ['市发改委', '6月底前'],
      ['市政府办公室', '长期坚持'],
    ]);
    // On a page too: 长期坚持 under 责任单位 and a unit under 具体要求 say a cell was lost.
    expect(unitsAndLimits(ledger(false))).toEqual(unitsAndLimits(ledger(true)));
  });
});

describe('a real notice from the bytes read to its explanation', () => {
  it('accounts for every line of a real notice, its site chrome among the drops', async () => {
    const parsed = await parseBytes(Buffer.from(await noticeWithChrome()), { name: 'notice.txt' });
    const text = explainLedger(parsed);
    expect(text).toMatch(/^ +1 {2}.*breadcrumb/m);
    expect(text).toMatch(/font and print bar +【打印本页】/);
    const counts = /^(\d+) lines: (\d+) preamble · (\d+) heading · (\d+) task · (\d+) dropped$/m.exec(text)!;
    const [total, ...perFate] = counts.slice(1).map(Number);
    expect(perFate.reduce((sum, count) => sum + count, 0)).toBe(total);
    expect(total).toBe(parsed.lines!.length);
    expect(perFate[3]).toBe(parsed.dropped!.length);
  });
});
