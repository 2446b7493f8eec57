import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/model.js';
import { buildLedger } from '../../src/ledger/index.js';
import { tasksOf, titleOf } from '../../src/ledger/tasks.js';
import { item, noticeFile, outlineOf, tableRow, type OutlineSpec } from '../support/models.js';

/** The ledger of an outline declared as data. */
const ledger = (spec: OutlineSpec): Ledger => buildLedger(outlineOf(spec));
/** The fields of each task that a test looks at: id, path, title, text. */
const brief = (l: Ledger) => l.tasks.map((t) => [t.id, t.path, t.title, t.text]);

describe('titleOf', () => {
  it('takes a short first sentence followed by more text', () => {
    expect(titleOf('推进财政信息公开。细化部门预决算公开内容。', false)).toBe('推进财政信息公开');
  });

  it('takes the whole line of a heading line followed by body lines, without 。', () => {
    expect(titleOf('推进财政信息公开', true)).toBe('推进财政信息公开');
    expect(titleOf('推进财政信息公开。', true)).toBe('推进财政信息公开');
  });

  it('gives an item that is one short sentence no title', () => {
    expect(titleOf('推进财政信息公开。', false)).toBeNull();
    expect(titleOf('做好电子版公报，9月上旬上线。', false)).toBeNull();
  });

  it('gives no title when the first sentence is over 40 characters', () => {
    const long = '围绕优化营商环境持续深化放管服改革信息公开并及时公开各类涉企优惠政策措施和办事指南以及投诉渠道';
    expect(long.length).toBe(47);
    expect(titleOf(`${long}。加强解读。`, false)).toBeNull();
    expect(titleOf(`${long.slice(0, 40)}。加强解读。`, false)).toBe(long.slice(0, 40));
  });
});

describe('tasks of a numbered plan', () => {
  // Lines are numbered in this order: preamble 1–2, items 3–18, closing 19, signature 20–21.
  const plan = ledger({
    preamble: ['鹤壁市2021年政务公开工作要点', '2021年是“十四五”开局之年，全市政务公开工作要坚持以人民为中心。'],
    items: [
      item(
        '一、',
        '总体要求',
        item('（一）', '指导思想。以习近平新时代中国特色社会主义思想为指导。'),
        item('（二）', '工作目标。到年底，政务公开标准化规范化水平明显提升。'),
      ),
      item(
        '二、',
        '加强政策解读回应', // 6
        '围绕市委市政府中心工作，做好政策解读和回应关切。（市政府办公室负责）',
        item('（三）', '强化解读质量', '推行图表图解、音频视频等多种解读形式。', '各县（区）要建立解读材料审核机制，年底前实现全覆盖。'), // 8–10
        item('（四）', '及时回应关切。健全舆情监测机制，重大舆情6小时内回应。（市委网信办牵头，市公安局配合）', '继续规范新闻发布会，每季度至少召开1次。（市政府新闻办负责落实）'), // 11–12
      ),
      item(
        '三、',
        '推进平台建设', // 13
        item('（五）', '优化政府网站集约化平台。', '责任单位：市大数据局、市政府办公室'), // 14–15
        item('（六）', '办好政府公报。按月编印政府公报。', item('1．', '做好电子版公报，9月上旬上线。'), item('2．', '推进历史公报数字化。')), // 16–18
      ),
    ],
    closing: ['各县（区）、各部门要切实加强组织领导，确保各项任务落实到位。'], // 19
    dropped: [
      { text: '鹤壁市人民政府办公室', reason: 'signature' },
      { text: '2021年6月1日', reason: 'signature date' },
    ],
  });

  it('finds these tasks, in order, with seq', () => {
    expect(plan.tasks.map((t) => [t.seq, t.id])).toEqual([
      [1, '2'],
      [2, '2.3'],
      [3, '2.4'],
      [4, '2.4-2'],
      [5, '3.5'],
      [6, '3.6'],
      [7, '3.6.1'],
      [8, '3.6.2'],
      [9, 'end'],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('leaves out the aims section 一、总体要求 with its sub-items, and the preamble', () => {
    expect(plan.tasks.some((t) => t.text.includes('指导思想') || t.text.includes('工作目标') || t.text.includes('开局之年'))).toBe(false);
    expect(plan.sections.map((s) => s.id)).toEqual(['2', '3']);
  });

  it('makes a parent with body text of its own a task: heading plus body only', () => {
    expect(plan.tasks[0]).toEqual({
      id: '2',
      seq: 1,
      path: [],
      title: '加强政策解读回应',
      text: '加强政策解读回应\n围绕市委市政府中心工作，做好政策解读和回应关切。',
      units: [{ name: '市政府办公室', role: 'responsible' }],
      deadlines: [],
      line: 6,
    });
  });

  it('joins the body lines of a heading-line item; the heading line is the title', () => {
    expect(plan.tasks[1]).toEqual({
      id: '2.3',
      seq: 2,
      path: ['加强政策解读回应'],
      title: '强化解读质量',
      text: '强化解读质量\n推行图表图解、音频视频等多种解读形式。\n各县（区）要建立解读材料审核机制，年底前实现全覆盖。',
      units: [],
      deadlines: [{ text: '年底前', date: '2021-12-31' }],
      line: 8,
    });
  });

  it('closes a task at each unit clause: a further task of the same item gets -2, no title, its own line', () => {
    expect(plan.tasks.slice(2, 4)).toEqual([
      {
        id: '2.4',
        seq: 3,
        path: ['加强政策解读回应'],
        title: '及时回应关切',
        text: '及时回应关切。健全舆情监测机制，重大舆情6小时内回应。',
        units: [
          { name: '市委网信办', role: 'lead' },
          { name: '市公安局', role: 'support' },
        ],
        deadlines: [{ text: '6小时内', date: null }],
        line: 11,
      },
      {
        id: '2.4-2',
        seq: 4,
        path: ['加强政策解读回应'],
        title: null,
        text: '继续规范新闻发布会，每季度至少召开1次。',
        units: [{ name: '市政府新闻办', role: 'responsible' }],
        deadlines: [],
        line: 12,
      },
    ]);
  });

  it('reads a 责任单位： line after the item as its clause, not its text', () => {
    expect(plan.tasks[4]).toEqual({
      id: '3.5',
      seq: 5,
      path: ['推进平台建设'],
      title: null,
      text: '优化政府网站集约化平台。',
      units: [
        { name: '市大数据局', role: 'responsible' },
        { name: '市政府办公室', role: 'responsible' },
      ],
      deadlines: [],
      line: 14,
    });
  });

  it('makes a parent with an inline heading and body sentence a task, and its children tasks under its title', () => {
    expect(brief(plan).slice(5, 8)).toEqual([
      ['3.6', ['推进平台建设'], '办好政府公报', '办好政府公报。按月编印政府公报。'],
      ['3.6.1', ['推进平台建设', '办好政府公报'], null, '做好电子版公报，9月上旬上线。'],
      ['3.6.2', ['推进平台建设', '办好政府公报'], null, '推进历史公报数字化。'],
    ]);
    expect(plan.tasks[6]!.deadlines).toEqual([{ text: '9月上旬', date: '2021-09-10' }]);
  });

  it('makes the closing paragraph a task “end” with an empty path; the signature is no task', () => {
    expect(plan.tasks.at(-1)).toEqual({
      id: 'end',
      seq: 9,
      path: [],
      title: null,
      text: '各县（区）、各部门要切实加强组织领导，确保各项任务落实到位。',
      units: [],
      deadlines: [],
      line: 19,
    });
  });

  it('builds the section tree of the parents', () => {
    expect(plan.sections).toEqual([
      { id: '2', marker: '二、', title: '加强政策解读回应', children: [] },
      { id: '3', marker: '三、', title: '推进平台建设', children: [{ id: '3.6', marker: '（六）', title: '办好政府公报', children: [] }] },
    ]);
  });
});

describe('what is and is not a task', () => {
  it('gives each 一是 of an item its own task where a unit clause closes it, and keeps a 一是 list without clauses one task', () => {
    const l = ledger({
      items: [
        item(
          '一、',
          '推进重点领域公开',
          item('（一）', '加强就业信息公开。一是公开补贴政策（县人社局负责）二是公开招聘信息（县人社局负责）三是公开扶持政策（县科技局负责）'),
          item('（二）', '加强教育信息公开。一是公开招生政策；二是公开收费标准。（县教育局负责）'),
        ),
      ],
    });
    expect(l.tasks.map((t) => [t.id, t.text, t.units.map((u) => u.name)])).toEqual([
      ['1.1', '加强就业信息公开。一是公开补贴政策', ['县人社局']],
      ['1.1-2', '二是公开招聘信息', ['县人社局']],
      ['1.1-3', '三是公开扶持政策', ['县科技局']],
      ['1.2', '加强教育信息公开。一是公开招生政策；二是公开收费标准。', ['县教育局']],
    ]);
  });

  it('does not make a parent with only a heading a task', () => {
    const l = ledger({ items: [item('一、', '深化重点领域公开', item('（一）', '推进财政信息公开。', item('1.', '公开部门预算。'), item('2.', '公开三公经费。')))] });
    expect(brief(l)).toEqual([
      ['1.1.1', ['深化重点领域公开', '推进财政信息公开'], null, '公开部门预算。'],
      ['1.1.2', ['深化重点领域公开', '推进财政信息公开'], null, '公开三公经费。'],
    ]);
  });

  it('leaves out 指导思想 and 基本原则 sections', () => {
    const l = ledger({
      items: [item('一、', '指导思想', '坚持以人民为中心。'), item('二、', '基本原则', item('（一）', '坚持依法公开。')), item('三、', '重点任务', item('（一）', '推进决策公开。'))],
    });
    expect(brief(l)).toEqual([['3.1', ['重点任务'], null, '推进决策公开。']]);
  });

  it('leaves out an aims item whose heading leads its first sentence or joins aims words', () => {
    const l = ledger({
      items: [
        item('一、', '工作目标。到年底，全县政务公开标准化规范化水平明显提升。'),
        item('二、', '基本原则：坚持依法公开，坚持便民实用。'),
        item('三、', '指导思想和工作目标', '坚持以人民为中心。'),
        item('四、', '重点任务', item('（一）', '推进决策公开。')),
      ],
    });
    expect(brief(l)).toEqual([['4.1', ['重点任务'], null, '推进决策公开。']]);
    // Work that only starts with an aims word stays; so does an aims item that assigns units.
    const work = ledger({ items: [item('一、', '工作目标管理要规范，按季度公开完成情况。'), item('二、', '工作目标：6月底前公开年度目标。（县政府办负责）')] });
    expect(work.tasks.map((t) => t.id)).toEqual(['1', '2']);
  });

  it('keeps an unnumbered paragraph without a clause with the task before it, even after a clause', () => {
    const l = ledger({
      items: [item('一、', '推进执行公开', item('（一）', '公开重点工作进展。（市督查室负责）', '重点公开民生实事项目完成情况。'), item('（二）', '公开审计结果。'))],
    });
    expect(l.tasks.map((t) => [t.id, t.text, t.units])).toEqual([
      ['1.1', '公开重点工作进展。\n重点公开民生实事项目完成情况。', [{ name: '市督查室', role: 'responsible' }]],
      ['1.2', '公开审计结果。', []],
    ]);
  });

  it('splits a paragraph at a clause in its middle', () => {
    const l = ledger({ items: [item('一、', '推进平台建设', item('（一）', '推进政务服务中心标准化建设。（市政务办牵头落实）做好12345热线工作。（市12345热线中心负责）'))] });
    expect(l.tasks.map((t) => [t.id, t.text, t.units, t.line])).toEqual([
      ['1.1', '推进政务服务中心标准化建设。', [{ name: '市政务办', role: 'lead' }], 2],
      ['1.1-2', '做好12345热线工作。', [{ name: '市12345热线中心', role: 'responsible' }], 2],
    ]);
  });

  it('numbers several closing paragraphs end, end-2', () => {
    const l = ledger({
      items: [item('一、', '加强政策解读', item('（一）', '做好政策解读。'))],
      closing: ['各乡镇、各部门要高度重视，认真抓好落实。', '各单位要于11月底前报送工作总结。'],
    });
    expect(l.tasks.map((t) => [t.id, t.path, t.text, t.deadlines])).toEqual([
      ['1.1', ['加强政策解读'], '做好政策解读。', []],
      ['end', [], '各乡镇、各部门要高度重视，认真抓好落实。', []],
      ['end-2', [], '各单位要于11月底前报送工作总结。', [{ text: '11月底前', date: null }]],
    ]);
  });

  it('gives a repeated marker the id -2, and keeps the outline’s warnings', () => {
    const repeated = { code: 'repeated-marker', message: '（一） appears twice', line: 3 };
    const l = ledger({
      items: [item('一、', '推进执行公开', item('（一）', '公开督查结果。'), { ...item('（一）', '公开审计结果。'), repeat: 2 })],
      file: noticeFile({ warnings: [repeated] }),
    });
    expect(l.tasks.map((t) => t.id)).toEqual(['1.1', '1.1-2']);
    expect(l.warnings).toEqual([repeated]);
  });

  it('makes the numbered body of a notice its tasks', () => {
    const l = ledger({
      preamble: ['关于做好2019年度政务公开第三方评估工作的通知', '各市（县）、区政务公开办公室：', '现就有关事项通知如下：'],
      items: [
        item('一、', '评估对象', '各市（县）、区人民政府，市政府各部门。'),
        item('二、', '评估方式', '采取网站监测与实地核查相结合的方式。'),
        item('三、', '有关要求', item('（一）', '各单位于9月30日前完成自查。'), item('（二）', '及时报送自查报告。')),
      ],
    });
    expect(brief(l)).toEqual([
      ['1', [], '评估对象', '评估对象\n各市（县）、区人民政府，市政府各部门。'],
      ['2', [], '评估方式', '评估方式\n采取网站监测与实地核查相结合的方式。'],
      ['3.1', ['有关要求'], null, '各单位于9月30日前完成自查。'],
      ['3.2', ['有关要求'], null, '及时报送自查报告。'],
    ]);
    expect(l.tasks[2]!.deadlines).toEqual([{ text: '9月30日前', date: '2019-09-30' }]);
  });

  it('warns when there are no numbered items at all', () => {
    const l = ledger({ preamble: ['我县召开政务公开工作推进会', '会议要求，各单位要认真做好政务公开工作，及时公开有关信息。'] });
    expect(l.tasks).toEqual([]);
    expect(l.warnings).toEqual([
      { code: 'no-numbered-items', message: 'no numbered items were found: this may not be a work-plan notice', line: null },
    ]);
  });

  it('tells a cover notice whose plan is not included from a page that is no notice', () => {
    const l = ledger({
      preamble: ['关于印发某县2024年政务公开工作要点的通知', '某政办〔2024〕3号', '各乡镇人民政府：', '现将《某县2024年政务公开工作要点》印发给你们，请认真贯彻落实。'],
    });
    expect(l.tasks).toEqual([]);
    expect(l.warnings.map((w) => w.code)).toEqual(['cover-notice-only']);
    expect(l.meta).toMatchObject({ title: '某县2024年政务公开工作要点', docNumber: '某政办〔2024〕3号' });
  });

  it('gives tasks no line for input that is not text, but the origin its reader gave', () => {
    const lineSources = [{ origin: { block: 1 } }, { origin: { block: 2, page: 1, pageLine: 7 } }];
    const o = outlineOf({ items: [item('一、', '加强政策解读', item('（一）', '做好政策解读。'))], file: noticeFile({ source: { format: 'pdf' }, lineSources }) });
    const { tasks } = tasksOf(o, { planYear: 2021, units: { ownPlaceStems: [] }, lineSources });
    expect(tasks.map((t) => [t.id, t.line, t.origin])).toEqual([['1.1', null, { block: 2, page: 1, pageLine: 7 }]]);
  });
});

describe('tasks of a flattened table', () => {
  // 序号 | 工作任务 | 具体要求 | 牵头单位 | 配合/责任单位 | 完成时限 — its rows as the table stage types their cells.
  const TABLE: OutlineSpec = {
    preamble: ['常州市2023年政务公开重点任务分工表'],
    items: [
      tableRow(1, 3, '加强政策解读', ['重要政策文件印发后3个工作日内发布解读材料。'], {
        units: [
          { text: '市政府办公室', role: 'lead' },
          { text: '市直各部门', role: 'support' },
        ],
        deadlines: ['持续推进'],
      }),
      tableRow(2, 4, '做好舆情回应', ['建立健全政务舆情监测研判机制。'], { units: [{ text: '市委网信办', role: 'lead' }], deadlines: ['2023年6月底前'] }),
    ],
    dropped: [{ text: '序号|工作任务|具体要求|牵头单位|配合/责任单位|完成时限|', reason: 'table header', line: 2 }],
  };

  it('makes each row a task: title from the task cell, text = title + requirement, units by column', () => {
    expect(ledger(TABLE).tasks).toEqual([
      {
        id: '1',
        seq: 1,
        path: [],
        title: '加强政策解读',
        text: '加强政策解读\n重要政策文件印发后3个工作日内发布解读材料。',
        units: [
          { name: '市政府办公室', role: 'lead' },
          { name: '市直各部门', role: 'support' },
        ],
        deadlines: [
          { text: '持续推进', date: null },
          { text: '印发后3个工作日内', date: null },
        ],
        line: 3,
      },
      {
        id: '2',
        seq: 2,
        path: [],
        title: '做好舆情回应',
        text: '做好舆情回应\n建立健全政务舆情监测研判机制。',
        // its 配合 cell is empty: no one supports it (a task names who answers for it)
        units: [{ name: '市委网信办', role: 'lead' }],
        deadlines: [{ text: '2023年6月底前', date: '2023-06-30' }],
        line: 4,
      },
    ]);
  });

  it('reads categories as the path, rows under them, the units of each row’s cells and role words in a cell', () => {
    // 工作任务 | 具体要求 | 责任单位: the second row's units cell was empty, the table stage filled it from above.
    const units = (text: string) => ({ units: [{ text, role: 'responsible' as const }], deadlines: [], notes: [] });
    const l = ledger({
      items: [
        item(
          '一、',
          { text: '加强政策解读', line: 2 },
          { ...item('（一）', { text: '严格落实解读材料与政策文件同步起草。', line: 2 }), cells: units('各县（市、区）政府，市级各部门') },
          { ...item('（二）', '重要政策出台后及时开展解读。'), cells: units('各县（市、区）政府，市级各部门') },
        ),
        item('二、', '回应社会关切', { ...item('（三）', { text: '健全政务舆情回应机制。', line: 4 }), cells: units('市委网信办牵头，市级各部门配合') }),
      ],
      dropped: [{ text: '工作任务|具体要求|责任单位|', reason: 'table header', line: 1 }],
    });
    expect(l.tasks.map((t) => [t.id, t.path, t.text, t.units])).toEqual([
      [
        '1.1',
        ['加强政策解读'],
        '严格落实解读材料与政策文件同步起草。',
        [
          { name: '各县（市、区）政府', role: 'responsible' },
          { name: '市级各部门', role: 'responsible' },
        ],
      ],
      [
        '1.2',
        ['加强政策解读'],
        '重要政策出台后及时开展解读。',
        [
          { name: '各县（市、区）政府', role: 'responsible' },
          { name: '市级各部门', role: 'responsible' },
        ],
      ],
      [
        '2.3',
        ['回应社会关切'],
        '健全政务舆情回应机制。',
        [
          { name: '市委网信办', role: 'lead' },
          { name: '市级各部门', role: 'support' },
        ],
      ],
    ]);
  });
});

describe('known defects', () => {
  it('keeps the body of a heading-only last item with that item', () => {
    const l = ledger({
      items: [item('一、', '评估对象', '各区人民政府，市政府各部门。'), item('二、', '工作要求', '各单位要于9月30日前完成自查并报送自查报告。')],
    });
    expect(brief(l)).toEqual([
      ['1', [], '评估对象', '评估对象\n各区人民政府，市政府各部门。'],
      ['2', [], '工作要求', '工作要求\n各单位要于9月30日前完成自查并报送自查报告。'],
    ]);
  });

  it('reads a square-bracket labelled clause as the task’s units', () => {
    const l = ledger({ items: [item('一、', '推进平台建设', item('（一）', '加强政务公开平台建设。[牵头单位：市大数据局；配合单位：市委网信办、市政府办公室]'))] });
    expect(l.tasks.map((t) => [t.text, t.units])).toEqual([
      [
        '加强政务公开平台建设。',
        [
          { name: '市大数据局', role: 'lead' },
          { name: '市委网信办', role: 'support' },
          { name: '市政府办公室', role: 'support' },
        ],
      ],
    ]);
  });
});

describe('the end of a notice whose body is its items', () => {
  it('a closing paragraph addressed to named places is the end task; 特此通告 stays dropped', () => {
    const l = ledger({
      items: [item('一、', '禁止在工程征地范围内新增建设项目。'), item('二、', '禁止在工程征地范围内迁入人口。')],
      closing: ['甲市、乙县人民政府要切实履行属地管理责任，做好宣传解释工作。'],
      dropped: [{ text: '特此通告。', reason: 'closing formula' }],
    });
    expect(brief(l)).toEqual([
      ['1', [], null, '禁止在工程征地范围内新增建设项目。'],
      ['2', [], null, '禁止在工程征地范围内迁入人口。'],
      ['end', [], null, '甲市、乙县人民政府要切实履行属地管理责任，做好宣传解释工作。'],
    ]);
    expect(l.dropped?.map((d) => d.reason)).toContain('closing formula');
  });
});
