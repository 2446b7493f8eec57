import { describe, expect, it } from 'vitest';
import type { OutlineNode } from '../../src/model.js';
import { outline } from '../../src/outline/index.js';
import { matchMarker, spellMarker } from '../../src/vocabulary/markers.js';
import { chineseDigits, chineseNumber, toChineseNumber } from '../../src/vocabulary/numerals.js';
import { headerColumns } from '../../src/vocabulary/columns.js';
import { cleanDoc, noticeFile } from '../support/models.js';

/** The outline of these cleaned lines of a plain-text file. */
const outlined = (...lines: string[]) => outline(cleanDoc(lines));

/** A node as [marker, depth, ordinals, head, children]. */
type Shape = [string, number, string, string, Shape[]];
const shape = (n: OutlineNode): Shape => [n.marker.text, n.depth, n.ordinals.join('.'), n.head.text, n.children.map(shape)];
const shapes = (...lines: string[]) => outlined(...lines).roots.map(shape);

describe('matchMarker: numbering styles', () => {
  it.each([
    ['一、加强组织领导', '一、', '一、', 1, '加强组织领导'],
    ['十七、强化考核评估', '十七、', '一、', 17, '强化考核评估'],
    ['三．深化平台建设', '三．', '一、', 3, '深化平台建设'],
    ['（一）推进决策公开', '（一）', '（一）', 1, '推进决策公开'],
    ['(二十一)扩大公众参与', '(二十一)', '（一）', 21, '扩大公众参与'],
    ['一是明确工作责任。', '一是', '一是', 1, '明确工作责任。'],
    ['十一是规范依申请公开。', '十一是', '一是', 11, '规范依申请公开。'],
    ['1.完善听证制度。', '1.', '1.', 1, '完善听证制度。'],
    ['2．邀请群众代表列席。', '2．', '1.', 2, '邀请群众代表列席。'],
    ['3、公开会议纪要。', '3、', '1.', 3, '公开会议纪要。'],
    ['1深入推进决策公开。', '1', '1.', 1, '深入推进决策公开。'],
    ['⒉推进结果公开。', '⒉', '1.', 2, '推进结果公开。'],
    ['（1）公开部门预算。', '（1）', '（1）', 1, '公开部门预算。'],
    ['(12)公开三公经费。', '(12)', '（1）', 12, '公开三公经费。'],
    ['⑴公开部门决算。', '⑴', '（1）', 1, '公开部门决算。'],
    ['③公开专项资金。', '③', '①', 3, '公开专项资金。'],
    ['第一部分 总体要求', '第一部分', '第X部分', 1, '总体要求'],
    ['第二部分：重点任务', '第二部分：', '第X部分', 2, '重点任务'],
    // An item that opens with its limit: a year, or after a dot a month, follows the mark.
    ['1.2023年底前完成专区建设。', '1.', '1.', 1, '2023年底前完成专区建设。'],
    ['2.11月中旬前完成考核。', '2.', '1.', 2, '11月中旬前完成考核。'],
    ['3、2024年起全面推行。', '3、', '1.', 3, '2024年起全面推行。'],
  ])('%s → %s', (line, text, style, ordinal, rest) => {
    expect(matchMarker(line)).toEqual({ text, style, ordinal, rest, needsSequence: text === '1' });
  });

  it('marks a bare number as needing a sequence', () => {
    expect(matchMarker('12加强结果运用。')).toEqual({ text: '12', style: '1.', ordinal: 12, rest: '加强结果运用。', needsSequence: true });
  });

  it.each([
    '5月20日前完成目录梳理。',
    '12月底前完成平台迁移。',
    '3个工作日内予以答复。',
    '2022年底前完成清理。',
    '10项重点任务全部完成。',
    '1.5倍以上',
    '2.0版平台上线。',
    '1、2月份完成年报编制。',
    '3.2亿元资金拨付到位。',
    '一网通办事项全部上线。',
    '三公经费全部公开。',
    '一是',
    '（一）',
  ])('%s is not a marker', (line) => {
    expect(matchMarker(line)).toBeNull();
  });

  it('spells markers for messages', () => {
    expect(spellMarker('一、', 13)).toBe('十三、');
    expect(spellMarker('（一）', 5)).toBe('（五）');
    expect(spellMarker('1.', 4)).toBe('4.');
    expect(spellMarker('（1）', 2)).toBe('（2）');
    expect(spellMarker('①', 3)).toBe('③');
  });
});

describe('numerals', () => {
  it('reads Chinese numbers', () => {
    expect([chineseNumber('七'), chineseNumber('十'), chineseNumber('十七'), chineseNumber('二十一'), chineseNumber('一百零三')]).toEqual([7, 10, 17, 21, 103]);
    expect(chineseNumber('十a')).toBeNaN();
  });

  it('reads year digits written in Chinese', () => {
    expect(chineseDigits('二〇一九')).toBe(2019);
    expect(chineseDigits('二零二一')).toBe(2021);
  });

  it('writes ordinals in Chinese', () => {
    expect([toChineseNumber(3), toChineseNumber(10), toChineseNumber(13), toChineseNumber(20), toChineseNumber(35)]).toEqual(['三', '十', '十三', '二十', '三十五']);
  });
});

describe('outline: depth by first appearance', () => {
  it('puts 一是 directly under 一、 when no （一） came first', () => {
    expect(shapes('一、加强组织领导', '一是明确工作责任。', '二是细化工作措施。', '二、强化督促检查', '一是开展专项督查。')).toEqual([
      ['一、', 1, '1', '加强组织领导', [['一是', 2, '1.1', '明确工作责任。', []], ['二是', 2, '1.2', '细化工作措施。', []]]],
      ['二、', 1, '2', '强化督促检查', [['一是', 2, '2.1', '开展专项督查。', []]]],
    ]);
  });

  it('puts 1. under （二）', () => {
    expect(shapes('一、深化决策公开', '（一）推进决策预公开。', '（二）扩大公众参与', '1.完善听证制度。', '2.邀请群众代表列席会议。')).toEqual([
      [
        '一、',
        1,
        '1',
        '深化决策公开',
        [
          ['（一）', 2, '1.1', '推进决策预公开。', []],
          ['（二）', 2, '1.2', '扩大公众参与', [['1.', 3, '1.2.1', '完善听证制度。', []], ['2.', 3, '1.2.2', '邀请群众代表列席会议。', []]]],
        ],
      ],
    ]);
  });

  it('puts 一是 at depth 3 when （一） came first', () => {
    expect(shapes('一、加强政策解读', '（一）提升解读质量', '一是推行图解。', '二是推行视频解读。')).toEqual([
      ['一、', 1, '1', '加强政策解读', [['（一）', 2, '1.1', '提升解读质量', [['一是', 3, '1.1.1', '推行图解。', []], ['二是', 3, '1.1.2', '推行视频解读。', []]]]]],
    ]);
  });

  it('nests every style: 第一部分 / 一、 / （一） / 1. / （1） / ①', () => {
    expect(shapes('第二部分 重点任务', '一、推进财政公开', '（一）公开预决算', '1．公开部门预算', '（1）公开基本支出', '①公开人员经费。')).toEqual([
      [
        '第二部分',
        1,
        '2',
        '重点任务',
        [['一、', 2, '2.1', '推进财政公开', [['（一）', 3, '2.1.1', '公开预决算', [['1．', 4, '2.1.1.1', '公开部门预算', [['（1）', 5, '2.1.1.1.1', '公开基本支出', [['①', 6, '2.1.1.1.1.1', '公开人员经费。', []]]]]]]]]]],
      ],
    ]);
  });

  it('follows a notice whose 1. stands above （一）', () => {
    expect(shapes('1.推进决策公开', '（一）公布决策目录。', '（二）做好预公开。', '2.推进执行公开', '（一）公开项目进展。')).toEqual([
      ['1.', 1, '1', '推进决策公开', [['（一）', 2, '1.1', '公布决策目录。', []], ['（二）', 2, '1.2', '做好预公开。', []]]],
      ['2.', 1, '2', '推进执行公开', [['（一）', 2, '2.1', '公开项目进展。', []]]],
    ]);
  });

  it('puts 1. under （一） in a section that writes the level the first section skipped', () => {
    expect(shapes('一、深化公开', '1.公开预算。', '二、提升质量', '（一）优化网站', '1.完善栏目。', '2.加强保障。', '（二）规范申请。')).toEqual([
      ['一、', 1, '1', '深化公开', [['1.', 2, '1.1', '公开预算。', []]]],
      [
        '二、',
        1,
        '2',
        '提升质量',
        [
          ['（一）', 2, '2.1', '优化网站', [['1.', 3, '2.1.1', '完善栏目。', []], ['2.', 3, '2.1.2', '加强保障。', []]]],
          ['（二）', 2, '2.2', '规范申请。', []],
        ],
      ],
    ]);
  });

  it('treats ⑴ as （1） and ⒈ as 1.', () => {
    expect(shapes('一、推进财政公开', '⒈公开部门预算', '⑴公开基本支出。', '（2）公开项目支出。', '2.公开部门决算。')).toEqual([
      [
        '一、',
        1,
        '1',
        '推进财政公开',
        [
          ['⒈', 2, '1.1', '公开部门预算', [['⑴', 3, '1.1.1', '公开基本支出。', []], ['（2）', 3, '1.1.2', '公开项目支出。', []]]],
          ['2.', 2, '1.2', '公开部门决算。', []],
        ],
      ],
    ]);
  });
});

describe('outline: ordinals restart or run on', () => {
  it('restarts （一） under each 一、', () => {
    const o = outlined('一、深化决策公开', '（一）推进决策预公开。', '（二）扩大公众参与。', '二、深化执行公开', '（一）公开重点工作进展。');
    expect(o.roots.flatMap((r) => r.children.map((c) => c.ordinals.join('.')))).toEqual(['1.1', '1.2', '2.1']);
    expect(o.file.warnings).toEqual([]);
  });

  it('lets （一） run on across 一、 without warnings', () => {
    const o = outlined('一、深化决策公开', '（一）推进决策预公开。', '（二）扩大公众参与。', '二、深化执行公开', '（三）公开重点工作进展。', '（四）公开督查结果。');
    expect(o.roots.flatMap((r) => r.children.map((c) => c.ordinals.join('.')))).toEqual(['1.1', '1.2', '2.3', '2.4']);
    expect(o.file.warnings).toEqual([]);
  });
});

describe('outline: bare numbers', () => {
  it('reads 1深入… 2加强… as a list, and 5月20日前… as body text', () => {
    expect(shapes('（一）完善考核办法', '1深入推进考核评价。', '5月20日前完成考核细则修订。', '2加强结果运用。')).toEqual([
      ['（一）', 1, '1', '完善考核办法', [['1', 2, '1.1', '深入推进考核评价。', []], ['2', 2, '1.2', '加强结果运用。', []]]],
    ]);
    const item = outlined('（一）完善考核办法', '1深入推进考核评价。', '5月20日前完成考核细则修订。', '2加强结果运用。').roots[0]!.children[0]!;
    expect(item.body.map((l) => l.text)).toEqual(['5月20日前完成考核细则修订。']);
  });

  it('does not take a bare number that continues no list for a marker', () => {
    const o = outlined('一、加强攻坚战信息公开', '3大攻坚战相关信息要及时公开。');
    expect(o.roots.map(shape)).toEqual([['一、', 1, '1', '加强攻坚战信息公开', []]]);
    expect(o.roots[0]!.body.map((l) => l.text)).toEqual(['3大攻坚战相关信息要及时公开。']);
  });
});

describe('outline: numbering warnings', () => {
  it('warns of a gap', () => {
    const o = outlined('一、加强政策解读', '二、回应社会关切', '四、加强平台建设');
    expect(o.file.warnings).toEqual([{ code: 'numbering-gap', message: '二、 is followed by 四、', line: 3 }]);
  });

  it('warns of a repeated marker and numbers the second', () => {
    const o = outlined('一、深化执行公开', '（一）公开重点工作进展。', '（二）公开督查结果。', '（二）公开审计结果。', '（三）公开整改情况。');
    expect(o.file.warnings).toEqual([{ code: 'repeated-marker', message: '（二） appears twice', line: 4 }]);
    expect(o.roots[0]!.children.map((c) => [c.ordinals.join('.'), c.repeat])).toEqual([
      ['1.1', undefined],
      ['1.2', undefined],
      ['1.2', 2],
      ['1.3', undefined],
    ]);
  });

  it('warns of a list that starts past its first number', () => {
    const o = outlined('一、深化执行公开', '（三）公开重点工作进展。');
    expect(o.file.warnings).toEqual([{ code: 'numbering-gap', message: 'the list starts at （三）', line: 2 }]);
  });

  it('warns of a run-on list that jumps', () => {
    const o = outlined('一、深化决策公开', '（一）推进决策预公开。', '二、深化执行公开', '（三）公开重点工作进展。');
    expect(o.file.warnings).toEqual([{ code: 'numbering-gap', message: '（一） is followed by （三）', line: 4 }]);
  });

  it('warns of a list that goes back among siblings', () => {
    const o = outlined('一、深化决策公开', '1.推进决策预公开。', '2.扩大公众参与。', '1.公开会议纪要。');
    expect(o.file.warnings).toEqual([{ code: 'numbering-restart', message: '2. is followed by 1.', line: 4 }]);
  });
});

describe('outline: heads, bodies, preamble and tail', () => {
  it('keeps a heading line as the head and the lines below as body', () => {
    const [item] = outlined('（一）推进财政信息公开', '细化部门预决算公开内容。', '8月底前完成专项检查。').roots;
    expect(item!.head.text).toBe('推进财政信息公开');
    expect(item!.body.map((l) => [l.line, l.text])).toEqual([
      [2, '细化部门预决算公开内容。'],
      [3, '8月底前完成专项检查。'],
    ]);
  });

  it('keeps an inline heading with its text on the head', () => {
    const [item] = outlined('（一）推进财政信息公开。细化部门预决算公开内容，8月底前完成专项检查。').roots;
    expect(item!.head.text).toBe('推进财政信息公开。细化部门预决算公开内容，8月底前完成专项检查。');
    expect(item!.body).toEqual([]);
  });

  it('keeps the lines before the first item as preamble', () => {
    const o = outlined('关于做好2023年政务公开工作的通知', '各乡镇人民政府：', '一、加强政策解读');
    expect(o.preamble.map((l) => l.text)).toEqual(['关于做好2023年政务公开工作的通知', '各乡镇人民政府：']);
  });

  it('splits the closing paragraph, signature, date and attachments off the last item', () => {
    const o = outlined(
      '一、加强平台建设',
      '（一）优化政府网站。',
      '完善网站栏目设置。',
      '各乡镇、县直各单位要高度重视，确保各项任务落实到位。',
      '附件：1.重点任务分工表',
      '衡东县人民政府办公室',
      '2023年4月6日',
      '（联系人：王一，电话：0734-5222123）',
    );
    expect(o.roots[0]!.children[0]!.body.map((l) => l.text)).toEqual(['完善网站栏目设置。']);
    expect(o.closing.map((l) => l.text)).toEqual(['各乡镇、县直各单位要高度重视，确保各项任务落实到位。']);
    expect(o.file.dropped.map((d) => [d.line, d.reason])).toEqual([
      [5, 'attachment list'],
      [6, 'signature'],
      [7, 'signature date'],
      [8, 'after the signature'],
    ]);
  });

  it('drops the signature office above the date', () => {
    const o = outlined('一、加强平台建设', '（一）优化政府网站。', '各乡镇要抓好落实。', '衡东县人民政府办公室', '2023年4月6日');
    expect(o.closing.map((l) => l.text)).toEqual(['各乡镇要抓好落实。']);
    expect(o.file.dropped.map((d) => [d.line, d.reason])).toEqual([
      [4, 'signature'],
      [5, 'signature date'],
    ]);
  });
});

describe('outline: where the numbered body ends', () => {
  it('keeps the body of a heading-only last item with that item', () => {
    const o = outlined('一、评估对象', '各区人民政府，市政府各部门。', '二、工作要求', '各单位要于9月30日前完成自查并报送自查报告。');
    expect(o.roots.map((n) => n.body.map((l) => l.text))).toEqual([['各区人民政府，市政府各部门。'], ['各单位要于9月30日前完成自查并报送自查报告。']]);
    expect(o.closing).toEqual([]);
  });

  it('does not put the signing office into the last item', () => {
    const o = outlined('一、加强政策解读', '（一）做好政策解读工作。', '宁乡县人民政府办公室', '2015年6月2日');
    expect(o.roots[0]!.children[0]!.body).toEqual([]);
    expect(o.closing).toEqual([]);
    expect(o.file.dropped.map((d) => [d.line, d.reason])).toEqual([
      [3, 'signature'],
      [4, 'signature date'],
    ]);
  });

  it('takes every closing paragraph after the last item', () => {
    const o = outlined('一、加强政策解读', '（一）做好政策解读。', '各乡镇、各部门要高度重视，认真抓好落实。', '各单位要于11月底前报送工作总结。');
    expect(o.roots[0]!.children[0]!.body).toEqual([]);
    expect(o.closing.map((l) => l.text)).toEqual(['各乡镇、各部门要高度重视，认真抓好落实。', '各单位要于11月底前报送工作总结。']);
  });

  it('a closing paragraph addressed to named places closes a notice whose body is its items; 特此通告 is dropped', () => {
    const o = outlined('一、禁止在工程征地范围内新增建设项目。', '二、禁止在工程征地范围内迁入人口。', '甲市、乙县人民政府要切实履行属地管理责任，做好宣传解释工作。', '特此通告。');
    expect(o.roots.map((n) => [n.head.text, n.body])).toEqual([
      ['禁止在工程征地范围内新增建设项目。', []],
      ['禁止在工程征地范围内迁入人口。', []],
    ]);
    expect(o.closing.map((l) => l.text)).toEqual(['甲市、乙县人民政府要切实履行属地管理责任，做好宣传解释工作。']);
    expect(o.file.dropped.map((d) => d.reason)).toContain('closing formula');
  });

  it('drops the force of the plan (本要点由…负责解释，自…起施行) as a formula, not a closing task', () => {
    const last = ['一、加强政策解读', '（一）做好政策解读。（县政府办负责）'];
    const o = outlined(...last, '各乡镇要抓好落实。', '本要点由县政府办公室负责解释，自印发之日起施行。');
    expect([o.closing.map((l) => l.text), o.file.dropped.map((d) => [d.line, d.reason])]).toEqual([['各乡镇要抓好落实。'], [[4, 'closing formula']]]);
    expect(outlined(...last, '本方案自2024年5月1日起实施。').file.dropped.map((d) => d.reason)).toEqual(['closing formula']);
    // A paragraph that goes on with work is a closing task.
    expect(outlined(...last, '本要点自印发之日起实施，各单位要认真抓好落实。').closing).toHaveLength(1);
  });

  it('takes a paragraph to every level of the place (全市各级…要) after the last item for a closing paragraph', () => {
    const last = ['一、加强政策解读', '（一）做好政策解读。'];
    expect(outlined(...last, '全县各级行政机关要严格对照本要点抓好落实。').closing).toHaveLength(1);
    // The place's work in general stays the item's.
    expect(outlined(...last, '全县政务公开工作要对照本要点推进。').closing).toEqual([]);
  });

  it('takes a request to everyone (请各地各部门…) after the last item for a closing paragraph', () => {
    const o = outlined('一、加强政策解读', '（一）做好政策解读。（县政府办负责）', '请各地各部门高度重视，抓好落实。');
    expect([o.roots[0]!.children[0]!.body, o.closing.map((l) => l.text)]).toEqual([[], ['请各地各部门高度重视，抓好落实。']]);
  });

  it('makes the numbered points of a signed cover notice its cover when a plan follows (§2.2 rule 5)', () => {
    const cover = ['某县人民政府办公室关于印发某县2024年政务公开工作要点的通知', '各乡镇人民政府，县直各单位：', '现将《某县2024年政务公开工作要点》印发给你们，并提出以下要求。', '一、提高思想认识。', '二、加强督促检查。', '某县人民政府办公室', '2024年3月1日', '某县2024年政务公开工作要点'];
    const o = outlined(...cover, '一、推进决策公开', '（一）落实预公开制度。', '二、推进结果公开', '（一）公开审计结果。');
    expect(o.roots.map((n) => [n.ordinals.join('.'), n.head.text])).toEqual([
      ['1', '推进决策公开'],
      ['2', '推进结果公开'],
    ]);
    expect(o.preamble.map((l) => l.text)).toEqual(cover);
    expect(o.file.warnings.map((w) => w.code)).not.toContain('numbering-restart');
    // …and so are they when the plan is a table.
    const table = outlined(...cover, '序号|工作任务|责任单位|', '1|推进决策公开|县司法局|', '2|推进结果公开|县审计局|');
    expect(table.roots.map((n) => n.head.text)).toEqual(['推进决策公开', '推进结果公开']);
    // Unsigned, a restart is numbering gone wrong, not a new plan.
    expect(outlined('一、提高思想认识。', '二、加强督促检查。', '一、推进决策公开', '（一）落实预公开制度。').roots).toHaveLength(3);
  });

  it('reads a bare 附件 line (附件, 附件1) as the first line of the attached plan, not a list of names', () => {
    const cover = ['关于印发某县2024年政务公开工作要点的通知', '各乡镇人民政府：', '现将《某县2024年政务公开工作要点》印发给你们，并提出以下要求。', '一、提高思想认识。', '二、加强督促检查。'];
    const plan = ['某县2024年政务公开工作要点', '一、推进决策公开', '（一）落实预公开制度。'];
    for (const header of ['附件', '附件1']) {
      const o = outlined(...cover, '附件：1.某县2024年政务公开工作要点', '2.重点任务分工表', '某县人民政府办公室', '2024年3月1日', header, ...plan);
      expect(o.roots.map((n) => [n.head.text, n.children.map((c) => c.head.text)])).toEqual([['推进决策公开', ['落实预公开制度。']]]);
    }
    // With a colon it lists the attachments: their numbered names are no items.
    const listed = outlined('一、加强平台建设', '（一）优化政府网站。', '附件：', '1.重点任务分工表', '2.联系人名单');
    expect(listed.roots[0]!.children.map((c) => c.head.text)).toEqual(['优化政府网站。']);
  });

  it('makes the points of an unsigned cover notice its cover when the title and items of the plan follow', () => {
    const cover = ['关于印发某县2024年政务公开工作要点的通知', '现将《某县2024年政务公开工作要点》印发给你们，请抓好落实：', '一、提高思想认识。', '二、按季度报送进展。'];
    const o = outlined(...cover, '某县2024年政务公开工作要点', '为推进政务公开，制定本要点。', '一、推进决策公开', '（一）落实预公开制度。');
    expect(o.roots.map((n) => n.head.text)).toEqual(['推进决策公开']);
    // A title with more than its lead-in paragraph before the restart ends no cover.
    const far = outlined(...cover, '某县2024年政务公开工作要点', '为推进政务公开，制定本要点。', '各单位要认真落实。', '一、推进决策公开');
    expect(far.roots).toHaveLength(3);
  });

  it('starts the plan after a cover notice that ended, whatever style the plan numbers its items in', () => {
    const cover = ['关于印发某县2024年政务公开工作要点的通知', '现将《某县2024年政务公开工作要点》印发给你们，请抓好落实：', '一、提高思想认识。', '二、按季度报送进展。'];
    const o = outlined(...cover, '某县人民政府办公室', '2024年3月1日', '某县2024年政务公开工作要点', '（一）推进决策公开。', '（二）推进结果公开。');
    expect(o.roots.map((n) => [n.ordinals.join('.'), n.head.text])).toEqual([
      ['1', '推进决策公开。'],
      ['2', '推进结果公开。'],
    ]);
    // A cover that has not ended numbers its own points below its items.
    const points = outlined(...cover, '（一）每季度末报送。', '（二）年底报送总结。');
    expect(points.roots.map((n) => n.children.length)).toEqual([0, 2]);
  });

  it('keeps an attachment list in the cover letter out of the items, however many lines it takes', () => {
    const o = outlined('现将有关文件印发给你们。', '附件：1.某州2021年政务公开工作要点', '2.重点任务分工表', '某州人民政府办公室', '2021年7月20日', '一、重点工作', '1.做好政策解读。');
    expect(o.roots.map((n) => [n.head.text, n.children.map((c) => c.head.text)])).toEqual([['重点工作', ['做好政策解读。']]]);
  });

  it('warns when the notice ends mid-sentence', () => {
    const cut = '（二）推进执行公开，重点公开政府工作报告确定的重大任务和民生实事项目的进展情况以及';
    expect(outlined('一、重点任务', '（一）推进决策公开。', cut).file.warnings.map((w) => [w.code, w.line])).toContainEqual(['truncated', 3]);
    expect(outlined('一、重点任务', '（一）推进决策公开。').file.warnings.map((w) => w.code)).not.toContain('truncated');
    // A short heading may end without a mark.
    expect(outlined('一、重点任务', '（一）推进决策公开。', '（二）加强组织领导').file.warnings.map((w) => w.code)).not.toContain('truncated');
  });
});

describe('tables: rows and headers', () => {
  it('reads a header by meaning', () => {
    expect(headerColumns(['序号', '工作任务', '具体要求', '牵头单位', '配合单位', '完成时限'])).toEqual([
      { kind: 'seq' },
      { kind: 'task' },
      { kind: 'requirement' },
      { kind: 'units', role: 'lead' },
      { kind: 'units', role: 'support' },
      { kind: 'deadline' },
    ]);
    expect(headerColumns(['重点领域', '工作内容', '责任单位', '备注'])).toEqual([
      { kind: 'category' },
      { kind: 'requirement' },
      { kind: 'units', role: 'responsible' },
      { kind: 'other' },
    ]);
    expect(headerColumns(['序号', '重点工作', '具体措施', '牵头单位'])).toEqual([{ kind: 'seq' }, { kind: 'task' }, { kind: 'requirement' }, { kind: 'units', role: 'lead' }]);
  });

  it('reads 配合/责任单位 as support beside a 牵头 column, else as responsible', () => {
    expect(headerColumns(['工作任务', '牵头单位', '配合/责任单位'])).toEqual([
      { kind: 'task' },
      { kind: 'units', role: 'lead' },
      { kind: 'units', role: 'support' },
    ]);
    expect(headerColumns(['工作任务', '配合/责任单位'])).toEqual([{ kind: 'task' }, { kind: 'units', role: 'responsible' }]);
  });

  it('does not take a data row for a header', () => {
    expect(headerColumns(['做好重大政策解读工作', '市政府办公室', '年底前'])).toBeNull();
    expect(headerColumns(['完成时限', '备注'])).toBeNull();
  });
});

describe('tables: flattened rows in the outline', () => {
  const table = [
    '工作任务|具体要求|责任单位|',
    '一、加强政策解读|（一）严格落实解读材料与政策文件同步起草、同步审签、同步发布。|各县（市、区）政府，市级各部门|',
    '（二）重要政策出台后及时开展多形式解读。| |',
    '（三）做好重大政策吹风会组织工作。|市政府新闻办|',
    '二、回应社会关切|（四）健全政务舆情收集、研判、回应机制。|市委网信办牵头，市级各部门配合|',
  ];

  it('drops the header, reads categories as sections and shifted rows in their columns', () => {
    const o = outlined(...table);
    expect(o.roots.map(shape)).toEqual([
      [
        '一、',
        1,
        '1',
        '加强政策解读',
        [
          ['（一）', 2, '1.1', '严格落实解读材料与政策文件同步起草、同步审签、同步发布。', []],
          ['（二）', 2, '1.2', '重要政策出台后及时开展多形式解读。', []],
          ['（三）', 2, '1.3', '做好重大政策吹风会组织工作。', []],
        ],
      ],
      ['二、', 1, '2', '回应社会关切', [['（四）', 2, '2.4', '健全政务舆情收集、研判、回应机制。', []]]],
    ]);
    expect(o.file.dropped).toEqual([{ text: '工作任务|具体要求|责任单位|', line: 1, reason: 'table header' }]);
  });

  it('lets an empty unit cell inherit the row above', () => {
    const items = outlined(...table).roots.flatMap((r) => r.children);
    expect(items.map((n) => n.cells)).toEqual([
      { units: [{ text: '各县（市、区）政府，市级各部门', role: 'responsible' }], deadlines: [], notes: [] },
      { units: [{ text: '各县（市、区）政府，市级各部门', role: 'responsible' }], deadlines: [], notes: [] },
      { units: [{ text: '市政府新闻办', role: 'responsible' }], deadlines: [], notes: [] },
      { units: [{ text: '市委网信办牵头，市级各部门配合', role: 'responsible' }], deadlines: [], notes: [] },
    ]);
  });

  it('reads a seq column, a 配合/责任单位 column as support, and a deadline column', () => {
    const o = outlined(
      '序号|工作任务|具体要求|牵头单位|配合/责任单位|完成时限|',
      '1 |加强政策解读|重要政策文件印发后3个工作日内发布解读材料。|市政府办公室|市直各部门|持续推进|',
      '2 |做好舆情回应|建立健全政务舆情监测研判机制。|市委网信办| | 2023年6月底前|',
    );
    expect(o.roots.map((n) => [n.ordinals.join('.'), n.head.text, n.body.map((b) => b.text), n.cells])).toEqual([
      [
        '1',
        '加强政策解读',
        ['重要政策文件印发后3个工作日内发布解读材料。'],
        { units: [{ text: '市政府办公室', role: 'lead' }, { text: '市直各部门', role: 'support' }], deadlines: ['持续推进'], notes: [] },
      ],
      [
        '2',
        '做好舆情回应',
        ['建立健全政务舆情监测研判机制。'],
        // An empty 配合 cell is no rowspan: a task is often supported by no one (an empty 牵头 cell is one).
        { units: [{ text: '市委网信办', role: 'lead' }], deadlines: ['2023年6月底前'], notes: [] },
      ],
    ]);
  });

  it('does not inherit empty unit cells in the rows of a table a page laid out', () => {
    const row = (header: boolean) => ({ table: 1, header, spanned: [false, false] });
    const lineSources = [0, 1, 2].map((i) => ({ origin: { block: i + 1 }, row: row(i === 0) }));
    const o = outline(cleanDoc(['工作任务|责任单位|', '做好重大政策解读工作|市政府办公室|', '做好政策吹风会工作| |'], noticeFile({ source: { format: 'html' }, lineSources })));
    expect(o.roots.map((n) => n.cells?.units)).toEqual([[{ text: '市政府办公室', role: 'responsible' }], []]);
  });

  it('shifts an unnumbered row that lacks its rowspan category cell', () => {
    const o = outlined(
      '类别|工作任务|责任单位|完成时限|',
      '政策解读|做好重大政策解读工作|市政府办公室|年底前|',
      '做好政策吹风会工作|市政府新闻办| 6月底前|',
    );
    expect(o.roots.map((n) => [n.head.text, n.children.map((c) => [c.head.text, c.cells])])).toEqual([
      [
        '政策解读',
        [
          ['做好重大政策解读工作', { units: [{ text: '市政府办公室', role: 'responsible' }], deadlines: ['年底前'], notes: [] }],
          ['做好政策吹风会工作', { units: [{ text: '市政府新闻办', role: 'responsible' }], deadlines: ['6月底前'], notes: [] }],
        ],
      ],
    ]);
  });
});

describe('numbering with a closing bracket only', () => {
  it('1） items nest under （一） by first appearance', () => {
    const o = outlined('一、重点任务', '（一）推进决策公开', '1）完善目录。', '2）公开意见采纳情况。');
    expect(o.roots[0]!.children[0]!.children.map((n) => [n.marker.style, n.ordinals.join('.')])).toEqual([
      ['1）', '1.1.1'],
      ['1）', '1.1.2'],
    ]);
  });
});

describe('decimal outline numbers', () => {
  it('1.1 and 1.1.1 nest by first appearance, and 1.5亿元 is not a marker', () => {
    const o = outlined('1重点任务', '1.1推进决策公开', '1.1.1完善目录。', '1.1.2公开采纳情况。', '1.2推进执行公开。', '1.5亿元资金的使用情况要公开。');
    const shape = (n: OutlineNode): unknown => [n.ordinals.join('.'), n.children.map(shape)];
    expect(o.roots.map(shape)).toEqual([['1', [['1.1', [['1.1.1', []], ['1.1.2', []]]], ['1.2', []]]]]);
    expect(o.roots[0]!.children[1]!.body.map((l) => l.text)).toEqual(['1.5亿元资金的使用情况要公开。']);
  });
});
