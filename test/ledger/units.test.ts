import { describe, expect, it } from 'vitest';
import type { Role, Unit } from '../../src/model.js';
import { scanClauses, splitUnitNames, unitsOfClause } from '../../src/ledger/unit-clauses.js';

const splitAtClauses = (paragraph: string) => scanClauses(paragraph).splits;
import { isClauseLine, isUnitClause, isUnitName, normaliseUnitName } from '../../src/vocabulary/units.js';

const units = (clause: string, ownPlaceStems: string[] = [], defaultRole: Role = 'responsible'): Unit[] =>
  unitsOfClause(clause, { defaultRole, ownPlaceStems });
const u = (name: string, role: Role): Unit => ({ name, role });

describe('isUnitClause', () => {
  it.each([
    '市财政局牵头落实',
    '市审计局负责落实',
    '市发改委牵头，会同市有关部门落实',
    '市政府办公室牵头，各镇（街），市直各单位配合',
    '各县（市、区）政府、市直各部门按职责分工分别牵头落实',
    '牵头单位：市大数据局；责任单位：各县（市、区）政府',
    '责任科室：综合科',
  ])('%s is a unit clause', (clause) => {
    expect(isUnitClause(clause)).toBe(true);
  });

  it.each(['含村务公开', '按季度通报', '2023年底前完成', '市编办、人社局', '市财政局负责。各县（区）落实', '见附件'])('%s is not a unit clause', (text) => {
    expect(isUnitClause(text)).toBe(false);
  });
});

describe('isUnitName', () => {
  it.each(['市财政局', '各镇（街）', '市直各单位', '各县（市、区）', '市12345热线中心', '县融媒体中心', '区政务服务中心'])('%s names a body', (name) => {
    expect(isUnitName(name)).toBe(true);
  });

  it.each(['政务公开', '局', '重大建设项目批准和实施', '年底前'])('%s does not', (name) => {
    expect(isUnitName(name)).toBe(false);
  });
});

describe('roles by phrasing', () => {
  it('X牵头落实 → lead', () => {
    expect(units('市财政局牵头落实')).toEqual([u('市财政局', 'lead')]);
  });

  it('X负责落实 → responsible', () => {
    expect(units('市审计局负责落实')).toEqual([u('市审计局', 'responsible')]);
  });

  it('X承办, X组织实施 → responsible', () => {
    expect(units('区政府办公室牵头，区政务服务中心承办')).toEqual([u('区政府办公室', 'lead'), u('区政务服务中心', 'responsible')]);
    expect(units('市数据局组织实施')).toEqual([u('市数据局', 'responsible')]);
  });

  it('X牵头，会同Y落实 → X lead, Y support', () => {
    expect(units('市发改委牵头，会同市财政局、市统计局落实')).toEqual([
      u('市发改委', 'lead'),
      u('市财政局', 'support'),
      u('市统计局', 'support'),
    ]);
  });

  it('X牵头，Y、Z配合 → X lead, Y and Z support', () => {
    expect(units('市政府办公室牵头，市教育局、市卫健委配合')).toEqual([
      u('市政府办公室', 'lead'),
      u('市教育局', 'support'),
      u('市卫健委', 'support'),
    ]);
  });

  it('X牵头，各县（区）人民政府，市直有关单位配合 → both after the comma support', () => {
    expect(units('市政府办公室牵头，各县（区）人民政府，市直有关单位配合')).toEqual([
      u('市政府办公室', 'lead'),
      u('各县（区）人民政府', 'support'),
      u('市直有关单位', 'support'),
    ]);
  });

  it('X牵头，Y参与 → Y support', () => {
    expect(units('市发改委牵头，各县（市、区）政府，市直有关部门参与')).toEqual([
      u('市发改委', 'lead'),
      u('各县（市、区）政府', 'support'),
      u('市直有关部门', 'support'),
    ]);
  });

  it('按职责分工分别牵头落实 → lead, with the words stripped', () => {
    expect(units('各县（市、区）政府、市直各部门按职责分工分别牵头落实')).toEqual([u('各县（市、区）政府', 'lead'), u('市直各部门', 'lead')]);
  });

  it('按职责分工分别落实 → responsible', () => {
    expect(units('各镇（街道）、市各部门按职责分工分别落实')).toEqual([u('各镇（街道）', 'responsible'), u('市各部门', 'responsible')]);
  });

  it('strips 由 and 等部门 and 按职责', () => {
    expect(units('由市政府办公室负责')).toEqual([u('市政府办公室', 'responsible')]);
    expect(units('市教育局、市卫健委等部门按职责负责')).toEqual([u('市教育局', 'responsible'), u('市卫健委', 'responsible')]);
  });

  it('gives names without a role word the default role (a table column’s)', () => {
    expect(units('市政府办公室，各镇（街）')).toEqual([u('市政府办公室', 'responsible'), u('各镇（街）', 'responsible')]);
    expect(units('市委网信办、市公安局', [], 'support')).toEqual([u('市委网信办', 'support'), u('市公安局', 'support')]);
  });

  it('X牵头，Y协同落实 → Y support', () => {
    expect(units('市市场监管局牵头，市商务局协同落实')).toEqual([u('市市场监管局', 'lead'), u('市商务局', 'support')]);
  });
});

describe('labelled clauses', () => {
  it('（牵头单位：X；责任单位：Y）', () => {
    expect(units('牵头单位：市大数据局；责任单位：各县（市、区）政府')).toEqual([u('市大数据局', 'lead'), u('各县（市、区）政府', 'responsible')]);
  });

  it('[牵头单位：X；配合单位：Y、Z] read as a clause', () => {
    expect(units('牵头单位：市大数据局；配合单位：市委网信办、市公安局')).toEqual([
      u('市大数据局', 'lead'),
      u('市委网信办', 'support'),
      u('市公安局', 'support'),
    ]);
  });

  it('（责任科室：X） and 责任处室 → responsible', () => {
    expect(units('责任科室：综合科')).toEqual([u('综合科', 'responsible')]);
    expect(units('责任处室：政务公开处、办公室')).toEqual([u('政务公开处', 'responsible'), u('办公室', 'responsible')]);
  });

  it('a line 责任单位：X、Y is a clause line', () => {
    expect(isClauseLine('责任单位：市大数据局、市政府办公室')).toBe(true);
    expect(isClauseLine('牵头单位：市司法局')).toBe(true);
    expect(isClauseLine('工作目标：全面提升政务公开水平')).toBe(false);
    expect(isClauseLine('各县（区）要加强组织领导。')).toBe(false);
    expect(units('责任单位：市大数据局、市政府办公室')).toEqual([u('市大数据局', 'responsible'), u('市政府办公室', 'responsible')]);
  });
});

describe('splitting unit names', () => {
  it('never splits inside brackets', () => {
    expect(splitUnitNames('各县（市、区）人民政府，市直各单位')).toEqual(['各县（市、区）人民政府', '市直各单位']);
    expect(units('市住建局牵头，各县(市、区)政府落实')).toEqual([u('市住建局', 'lead'), u('各县（市、区）政府', 'responsible')]);
  });

  it('keeps a descriptive unit whole', () => {
    expect(splitUnitNames('市财政局，涉及公共资源配置、重大建设项目批准和实施、公益事业建设等三个重点领域的相关单位')).toEqual([
      '市财政局',
      '涉及公共资源配置、重大建设项目批准和实施、公益事业建设等三个重点领域的相关单位',
    ]);
  });

  it('splits on 和 only between two units', () => {
    expect(splitUnitNames('市人力资源和社会保障局')).toEqual(['市人力资源和社会保障局']);
    expect(splitUnitNames('市城市管理和综合执法局')).toEqual(['市城市管理和综合执法局']);
    expect(splitUnitNames('市教育局和市卫健委')).toEqual(['市教育局', '市卫健委']);
    expect(units('市公安局牵头，市交通运输局和市城管局配合')).toEqual([
      u('市公安局', 'lead'),
      u('市交通运输局', 'support'),
      u('市城管局', 'support'),
    ]);
  });

  it('splits on 及 between two units', () => {
    expect(units('市文旅局及各县（区）文旅部门负责')).toEqual([u('市文旅局', 'responsible'), u('各县（区）文旅部门', 'responsible')]);
  });

  it('splits the paragraphs of a table cell', () => {
    expect(splitUnitNames('市财政局\u2029市税务局')).toEqual(['市财政局', '市税务局']);
  });

  it('writes brackets inside names as （）', () => {
    expect(normaliseUnitName('各县〔区〕人民政府')).toBe('各县（区）人民政府');
    expect(normaliseUnitName('各县(市、区)')).toBe('各县（市、区）');
    expect(units('各县〔区〕人民政府负责')).toEqual([u('各县（区）人民政府', 'responsible')]);
  });
});

describe('level prefix distribution', () => {
  it('distributes 市 over a 、-list of bare names', () => {
    expect(splitUnitNames('市编办、人社局、法制办、政务办')).toEqual(['市编办', '市人社局', '市法制办', '市政务办']);
  });

  it('distributes 区 and 县 as well', () => {
    expect(splitUnitNames('区卫健委、教育局、民政局')).toEqual(['区卫健委', '区教育局', '区民政局']);
    expect(units('县委网信办、县公安局、融媒体中心按职责分工负责')).toEqual([
      u('县委网信办', 'responsible'),
      u('县公安局', 'responsible'),
      u('县融媒体中心', 'responsible'),
    ]);
  });

  it('does not put the prefix onto 各…', () => {
    expect(splitUnitNames('市财政局、各县（区）政府、审计局')).toEqual(['市财政局', '各县（区）政府', '市审计局']);
  });

  it('does not put the prefix onto names that carry their own place or level', () => {
    expect(splitUnitNames('市发改委、国家税务总局铜陵市税务局、省建设银行铜陵分行')).toEqual([
      '市发改委',
      '国家税务总局铜陵市税务局',
      '省建设银行铜陵分行',
    ]);
  });

  it('does not put the prefix onto names starting with the region’s stem', () => {
    expect(splitUnitNames('市商务局、无锡气象局', ['无锡', '无锡市'])).toEqual(['市商务局', '无锡气象局']);
    // Without the region: a name before an office a ministry runs in each place (气象局) is a place's.
    expect(splitUnitNames('市商务局、无锡气象局、气象局')).toEqual(['市商务局', '无锡气象局', '市气象局']);
  });

  it('does not distribute when the first name has no level prefix', () => {
    expect(splitUnitNames('各县（区）人民政府、公安局')).toEqual(['各县（区）人民政府', '公安局']);
  });

  it('does not put the prefix onto a name that starts with another place', () => {
    expect(splitUnitNames('市商务局、南京海关', ['无锡', '无锡市'])).toEqual(['市商务局', '南京海关']);
  });

  it('does not put the prefix onto a company that carries its own place', () => {
    expect(splitUnitNames('市发改委、国网无锡供电公司', ['无锡', '无锡市'])).toEqual(['市发改委', '国网无锡供电公司']);
  });
});

describe('splitAtClauses', () => {
  it('cuts a trailing clause off', () => {
    expect(splitAtClauses('严格落实解读材料与政策文件同步起草制度。（市政府办公室牵头落实）')).toEqual([
      { text: '严格落实解读材料与政策文件同步起草制度。', clause: '市政府办公室牵头落实' },
    ]);
  });

  it('cuts a clause before the final 。', () => {
    expect(splitAtClauses('组织开展政务公开业务培训（市政务办负责）。')).toEqual([{ text: '组织开展政务公开业务培训', clause: '市政务办负责' }]);
  });

  it('cuts each clause that follows a finished sentence, and keeps nested brackets inside the text', () => {
    expect(splitAtClauses('推进各县（市、区）政务服务中心标准化建设。（市政务办牵头落实）继续做好12345热线工作。（市12345热线中心负责）')).toEqual([
      { text: '推进各县（市、区）政务服务中心标准化建设。', clause: '市政务办牵头落实' },
      { text: '继续做好12345热线工作。', clause: '市12345热线中心负责' },
    ]);
  });

  it('a clause right before the next item of an inline list closes its task: …（X负责）二是…', () => {
    expect(splitAtClauses('一是公开补贴政策（县人社局负责）二是公开招聘信息（县人社局负责）三是公开扶持政策')).toEqual([
      { text: '一是公开补贴政策', clause: '县人社局负责' },
      { text: '二是公开招聘信息', clause: '县人社局负责' },
      { text: '三是公开扶持政策', clause: null },
    ]);
    // Text after a clause that starts no item goes on (a number is not a marker).
    expect(splitAtClauses('公开补贴政策（县人社局负责）2024年起按季度更新。')[0]).toEqual({ text: '公开补贴政策（县人社局负责）2024年起按季度更新。', clause: null });
  });

  it('keeps text after the last clause', () => {
    expect(splitAtClauses('规范新闻发布会。（市政府新闻办负责）每季度至少召开1次。')).toEqual([
      { text: '规范新闻发布会。', clause: '市政府新闻办负责' },
      { text: '每季度至少召开1次。', clause: null },
    ]);
  });

  it('reads a clause with nested brackets', () => {
    expect(splitAtClauses('完善公开平台。（牵头单位：市大数据局；责任单位：各县（市、区）政府）')).toEqual([
      { text: '完善公开平台。', clause: '牵头单位：市大数据局；责任单位：各县（市、区）政府' },
    ]);
  });

  it('leaves parentheticals that name no units, and clauses inside a sentence', () => {
    expect(splitAtClauses('推进基层公开（含村务公开）工作。')).toEqual([{ text: '推进基层公开（含村务公开）工作。', clause: null }]);
    expect(splitAtClauses('组织（市政务办负责）开展培训。')).toEqual([{ text: '组织（市政务办负责）开展培训。', clause: null }]);
  });

  it('cuts a square-bracket labelled clause off', () => {
    expect(splitAtClauses('加强政务公开平台建设。[牵头单位：市大数据局；配合单位：市委网信办]')).toEqual([
      { text: '加强政务公开平台建设。', clause: '牵头单位：市大数据局；配合单位：市委网信办' },
    ]);
  });
});

describe('clauses without the usual words', () => {
  it('reads a short label without 单位: （牵头：X；配合：Y）', () => {
    expect(unitsOfClause('牵头：区发改局；配合：区财政局、区统计局', { defaultRole: 'responsible', ownPlaceStems: [] })).toEqual([
      { name: '区发改局', role: 'lead' },
      { name: '区财政局', role: 'support' },
      { name: '区统计局', role: 'support' },
    ]);
  });

  it('takes a closing parenthesis of bare unit names as the clause', () => {
    expect(splitAtClauses('按季度公开重点项目进展情况。（区发改局、各街道办事处）')).toEqual([
      { text: '按季度公开重点项目进展情况。', clause: '区发改局、各街道办事处' },
    ]);
  });

  it('does not take a bare word or a place in brackets for units', () => {
    expect(splitAtClauses('明确具体实施单位（部门）')).toEqual([{ text: '明确具体实施单位（部门）', clause: null }]);
    expect(splitAtClauses('推进试点工作（浙江）')).toEqual([{ text: '推进试点工作（浙江）', clause: null }]);
  });
});

describe('level words that are not levels', () => {
  it('市场 and 市政 are not the city level, but 市政府 is', () => {
    expect(splitUnitNames('区经济发展局、市场监督管理局')).toEqual(['区经济发展局', '区市场监督管理局']);
    expect(splitUnitNames('区住建局、市政公用局')).toEqual(['区住建局', '区市政公用局']);
    expect(splitUnitNames('市大数据局、市政府办公室')).toEqual(['市大数据局', '市政府办公室']);
  });

  it('joins a unit name broken over two paragraphs of a table cell', () => {
    expect(splitUnitNames('省食品药品\u2029监管局\u2029省卫生计生委')).toEqual(['省食品药品监管局', '省卫生计生委']);
    expect(splitUnitNames('省财政厅\u2029省审计厅')).toEqual(['省财政厅', '省审计厅']);
  });
});

describe('lists that mix units and a description', () => {
  it('splits the leading units off a descriptive unit', () => {
    expect(splitUnitNames('市财政局、涉及公共资源配置、重大建设项目等领域的相关单位')).toEqual([
      '市财政局',
      '涉及公共资源配置、重大建设项目等领域的相关单位',
    ]);
  });

  it('市政务办 and 市政法委 are city offices; 市政公用局 is not a level', () => {
    expect(splitUnitNames('市编办、市人社局、市政务办、市政法委')).toEqual(['市编办', '市人社局', '市政务办', '市政法委']);
    expect(splitUnitNames('区住建局、市政公用局')).toEqual(['区住建局', '区市政公用局']);
  });
});
