import { describe, expect, it } from 'vitest';
import type { Decoded, Ledger } from '../../src/model.js';
import { clean } from '../../src/clean/index.js';
import { outline } from '../../src/outline/index.js';
import { tasksOf, titleOf } from '../../src/ledger/tasks.js';
import { ledgerOf } from '../../src/pipeline.js';

const decoded = (lines: string[]): Decoded => ({ name: 'plan.txt', format: 'text', encoding: 'utf-8', text: lines.join('\n'), warnings: [] });
const ledger = (...lines: string[]): Ledger => ledgerOf(decoded(lines));
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
  const PLAN = [
    '鹤壁市2021年政务公开工作要点', // 1
    '2021年是“十四五”开局之年，全市政务公开工作要坚持以人民为中心。', // 2
    '一、总体要求', // 3
    '（一）指导思想。以习近平新时代中国特色社会主义思想为指导。', // 4
    '（二）工作目标。到年底，政务公开标准化规范化水平明显提升。', // 5
    '二、加强政策解读回应', // 6
    '围绕市委市政府中心工作，做好政策解读和回应关切。（市政府办公室负责）', // 7
    '（三）强化解读质量', // 8
    '推行图表图解、音频视频等多种解读形式。', // 9
    '各县（区）要建立解读材料审核机制，年底前实现全覆盖。', // 10
    '（四）及时回应关切。健全舆情监测机制，重大舆情6小时内回应。（市委网信办牵头，市公安局配合）', // 11
    '继续规范新闻发布会，每季度至少召开1次。（市政府新闻办负责落实）', // 12
    '三、推进平台建设', // 13
    '（五）优化政府网站集约化平台。', // 14
    '责任单位：市大数据局、市政府办公室', // 15
    '（六）办好政府公报。按月编印政府公报。', // 16
    '1．做好电子版公报，9月上旬上线。', // 17
    '2．推进历史公报数字化。', // 18
    '各县（区）、各部门要切实加强组织领导，确保各项任务落实到位。', // 19
    '鹤壁市人民政府办公室', // 20
    '2021年6月1日', // 21
  ];
  const plan = ledger(...PLAN);

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
  it('does not make a parent with only a heading a task', () => {
    const l = ledger('一、深化重点领域公开', '（一）推进财政信息公开。', '1.公开部门预算。', '2.公开三公经费。');
    expect(brief(l)).toEqual([
      ['1.1.1', ['深化重点领域公开', '推进财政信息公开'], null, '公开部门预算。'],
      ['1.1.2', ['深化重点领域公开', '推进财政信息公开'], null, '公开三公经费。'],
    ]);
  });

  it('leaves out 指导思想 and 基本原则 sections', () => {
    const l = ledger('一、指导思想', '坚持以人民为中心。', '二、基本原则', '（一）坚持依法公开。', '三、重点任务', '（一）推进决策公开。');
    expect(brief(l)).toEqual([['3.1', ['重点任务'], null, '推进决策公开。']]);
  });

  it('keeps an unnumbered paragraph without a clause with the task before it, even after a clause', () => {
    const l = ledger('一、推进执行公开', '（一）公开重点工作进展。（市督查室负责）', '重点公开民生实事项目完成情况。', '（二）公开审计结果。');
    expect(l.tasks.map((t) => [t.id, t.text, t.units])).toEqual([
      ['1.1', '公开重点工作进展。\n重点公开民生实事项目完成情况。', [{ name: '市督查室', role: 'responsible' }]],
      ['1.2', '公开审计结果。', []],
    ]);
  });

  it('splits a paragraph at a clause in its middle', () => {
    const l = ledger('一、推进平台建设', '（一）推进政务服务中心标准化建设。（市政务办牵头落实）做好12345热线工作。（市12345热线中心负责）');
    expect(l.tasks.map((t) => [t.id, t.text, t.units, t.line])).toEqual([
      ['1.1', '推进政务服务中心标准化建设。', [{ name: '市政务办', role: 'lead' }], 2],
      ['1.1-2', '做好12345热线工作。', [{ name: '市12345热线中心', role: 'responsible' }], 2],
    ]);
  });

  it('numbers several closing paragraphs end, end-2', () => {
    const l = ledger('一、加强政策解读', '（一）做好政策解读。', '各乡镇、各部门要高度重视，认真抓好落实。', '各单位要于11月底前报送工作总结。');
    expect(l.tasks.map((t) => [t.id, t.path, t.text, t.deadlines])).toEqual([
      ['1.1', ['加强政策解读'], '做好政策解读。', []],
      ['end', [], '各乡镇、各部门要高度重视，认真抓好落实。', []],
      ['end-2', [], '各单位要于11月底前报送工作总结。', [{ text: '11月底前', date: null }]],
    ]);
  });

  it('gives a repeated marker the id -2', () => {
    const l = ledger('一、推进执行公开', '（一）公开督查结果。', '（一）公开审计结果。');
    expect(l.tasks.map((t) => t.id)).toEqual(['1.1', '1.1-2']);
    expect(l.warnings).toEqual([{ code: 'repeated-marker', message: '（一） appears twice', line: 3 }]);
  });

  it('makes the numbered body of a notice its tasks', () => {
    const l = ledger(
      '关于做好2019年度政务公开第三方评估工作的通知',
      '各市（县）、区政务公开办公室：',
      '现就有关事项通知如下：',
      '一、评估对象',
      '各市（县）、区人民政府，市政府各部门。',
      '二、评估方式',
      '采取网站监测与实地核查相结合的方式。',
      '三、有关要求',
      '（一）各单位于9月30日前完成自查。',
      '（二）及时报送自查报告。',
    );
    expect(brief(l)).toEqual([
      ['1', [], '评估对象', '评估对象\n各市（县）、区人民政府，市政府各部门。'],
      ['2', [], '评估方式', '评估方式\n采取网站监测与实地核查相结合的方式。'],
      ['3.1', ['有关要求'], null, '各单位于9月30日前完成自查。'],
      ['3.2', ['有关要求'], null, '及时报送自查报告。'],
    ]);
    expect(l.tasks[2]!.deadlines).toEqual([{ text: '9月30日前', date: '2019-09-30' }]);
  });

  it('warns when there are no numbered items at all', () => {
    const l = ledger('我县召开政务公开工作推进会', '会议要求，各单位要认真做好政务公开工作，及时公开有关信息。');
    expect(l.tasks).toEqual([]);
    expect(l.warnings).toEqual([
      { code: 'no-numbered-items', message: 'no numbered items were found: this may not be a work-plan notice', line: null },
    ]);
  });

  it('tells a cover notice whose plan is not included from a page that is no notice', () => {
    const l = ledger('关于印发某县2024年政务公开工作要点的通知', '某政办〔2024〕3号', '各乡镇人民政府：', '现将《某县2024年政务公开工作要点》印发给你们，请认真贯彻落实。');
    expect(l.tasks).toEqual([]);
    expect(l.warnings.map((w) => w.code)).toEqual(['cover-notice-only']);
    expect(l.meta).toMatchObject({ title: '某县2024年政务公开工作要点', docNumber: '某政办〔2024〕3号' });
  });

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

  it('gives tasks no line for input that is not text, but the origin its reader gave', () => {
    const lineSources = [{ origin: { block: 1 } }, { origin: { block: 2, page: 1, pageLine: 7 } }];
    const o = outline(clean({ ...decoded(['一、加强政策解读', '（一）做好政策解读。']), format: 'pdf', lineSources }));
    const { tasks } = tasksOf(o, { planYear: 2021, units: { ownPlaceStems: [] }, lineSources });
    expect(tasks.map((t) => [t.id, t.line, t.origin])).toEqual([['1.1', null, { block: 2, page: 1, pageLine: 7 }]]);
  });
});

describe('tasks of a flattened table', () => {
  const TABLE = [
    '常州市2023年政务公开重点任务分工表',
    '序号 | 工作任务 | 具体要求 | 牵头单位 | 配合/责任单位 | 完成时限 |',
    '1 | 加强政策解读 | 重要政策文件印发后3个工作日内发布解读材料。 | 市政府办公室 | 市直各部门 | 持续推进 |',
    '2 | 做好舆情回应 | 建立健全政务舆情监测研判机制。 | 市委网信办 |  | 2023年6月底前 |',
  ];

  it('makes each row a task: title from the task cell, text = title + requirement, units by column', () => {
    expect(ledger(...TABLE).tasks).toEqual([
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

  it('reads categories as the path, shifted rows, inherited unit cells and role words in a cell', () => {
    const l = ledger(
      '工作任务 | 具体要求 | 责任单位 |',
      '一、加强政策解读 | （一）严格落实解读材料与政策文件同步起草。 | 各县（市、区）政府，市级各部门 |',
      '（二）重要政策出台后及时开展解读。 | |',
      '二、回应社会关切 | （三）健全政务舆情回应机制。 | 市委网信办牵头，市级各部门配合 |',
    );
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
    const l = ledger('一、评估对象', '各区人民政府，市政府各部门。', '二、工作要求', '各单位要于9月30日前完成自查并报送自查报告。');
    expect(brief(l)).toEqual([
      ['1', [], '评估对象', '评估对象\n各区人民政府，市政府各部门。'],
      ['2', [], '工作要求', '工作要求\n各单位要于9月30日前完成自查并报送自查报告。'],
    ]);
  });

  it('does not put the signing office into the last task', () => {
    const l = ledger('一、加强政策解读', '（一）做好政策解读工作。', '宁乡县人民政府办公室', '2015年6月2日');
    expect(brief(l)).toEqual([['1.1', ['加强政策解读'], null, '做好政策解读工作。']]);
  });

  it('reads a square-bracket labelled clause as the task’s units', () => {
    const l = ledger('一、推进平台建设', '（一）加强政务公开平台建设。[牵头单位：市大数据局；配合单位：市委网信办、市政府办公室]');
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
  it('a closing paragraph addressed to named places is the end task; 特此通告 is dropped', () => {
    const l = ledger(
      '一、禁止在工程征地范围内新增建设项目。',
      '二、禁止在工程征地范围内迁入人口。',
      '甲市、乙县人民政府要切实履行属地管理责任，做好宣传解释工作。',
      '特此通告。',
    );
    expect(brief(l)).toEqual([
      ['1', [], null, '禁止在工程征地范围内新增建设项目。'],
      ['2', [], null, '禁止在工程征地范围内迁入人口。'],
      ['end', [], null, '甲市、乙县人民政府要切实履行属地管理责任，做好宣传解释工作。'],
    ]);
    expect(l.dropped?.map((d) => d.reason)).toContain('closing formula');
  });

  it('a web page’s table that names no task column gives no tasks', () => {
    const row = { table: 1, header: false, spanned: [false, false, false] };
    const lineSources = [{ origin: { block: 1 } }, { origin: { block: 2 }, row }, { origin: { block: 3 }, row }];
    const page = ledgerOf({ ...decoded(['处罚信息公开表', '序号 | 当事人名称 | 决定书文号 |', '1 | 某公司 | 某罚决字〔2024〕5号 |']), format: 'html', lineSources });
    expect(page.tasks).toEqual([]);
    expect(page.dropped?.filter((d) => d.reason === 'table without a task header')).toHaveLength(2);
  });
});

describe('warnings about the text itself', () => {
  it('warns when the notice ends mid-sentence', () => {
    const cut = '（二）推进执行公开，重点公开政府工作报告确定的重大任务和民生实事项目的进展情况以及';
    expect(ledger('一、重点任务', '（一）推进决策公开。', cut).warnings.map((w) => [w.code, w.line])).toContainEqual([
      'truncated',
      3,
    ]);
    expect(ledger('一、重点任务', '（一）推进决策公开。').warnings.map((w) => w.code)).not.toContain('truncated');
    // A short heading may end without a mark.
    expect(ledger('一、重点任务', '（一）推进决策公开。', '（二）加强组织领导').warnings.map((w) => w.code)).not.toContain('truncated');
  });
});
