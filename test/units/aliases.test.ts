import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { belongsTo, canonicalUnit, identifyUnit, isNotUnit, loadAliases } from '../../src/unit-names/aliases.js';

const table = loadAliases();
const YANCHENG = '盐城市';
const canonical = (name: string, region: string | null = YANCHENG) => canonicalUnit(name, table, region).canonical;

/** Every name of the family reads as the first one's canonical name. */
function expectOneUnit(names: readonly string[], region: string | null = YANCHENG): void {
  const canonicals = names.map((name) => canonical(name, region));
  expect(new Set(canonicals), names.join(' / ')).toEqual(new Set([canonicals[0]]));
}

describe('abbreviation families', () => {
  it('人社局: 市人力资源和社会保障局 = 市人社局 = 人社局 = 市人力社保局', () => {
    expectOneUnit(['市人力资源和社会保障局', '市人社局', '人社局', '市人力社保局']);
    expect(canonicalUnit('人社局', table, YANCHENG)).toEqual({ canonical: '市人力资源和社会保障局' });
  });

  it('发改委: 市发展和改革委员会 = 市发展改革委 = 市发改委 = 市发展和改革局', () => {
    expectOneUnit(['市发展和改革委员会', '市发展改革委', '市发改委', '市发展和改革局']);
  });

  it('市场监管局: 市市场监督管理局 = 市市场监管局 = 市场监督管理局 (市场 is no level)', () => {
    expectOneUnit(['市市场监督管理局', '市市场监管局', '市场监督管理局']);
    expect(canonical('市场监督管理局')).toBe('市市场监督管理局');
  });

  it('卫健委: 卫生健康委员会 = 卫健委 = 卫生健康委 = 卫生健康局, without a rename', () => {
    expectOneUnit(['市卫生健康委员会', '市卫健委', '市卫生健康委', '市卫生健康局']);
    expect(canonicalUnit('市卫健委', table, YANCHENG).renamedFrom).toBeUndefined();
  });

  it('政府办: 市政府办 = 市政府办公室 = 市人民政府办公室', () => {
    expectOneUnit(['市政府办', '市政府办公室', '市人民政府办公室']);
  });

  it('reads traditional characters and other brackets as the ledger writes them', () => {
    expect(canonical('市場監督管理局')).toBe('市市场监督管理局');
    expect(canonical('市人社局 ')).toBe('市人力资源和社会保障局');
  });
});

describe('2018 reform renames', () => {
  it.each([
    ['市卫计委', '市卫生健康委员会'],
    ['市卫生和计划生育委员会', '市卫生健康委员会'],
    ['市环保局', '市生态环境局'],
    ['市国税局', '市税务局'],
    ['市地税局', '市税务局'],
    ['市食药监局', '市市场监督管理局'],
    ['市工商局', '市市场监督管理局'],
    ['市质监局', '市市场监督管理局'],
    ['市城建局', '市住房和城乡建设局'],
    ['市建设局', '市住房和城乡建设局'],
    ['市法制办', '市司法局'],
    ['市经信委', '市工业和信息化局'],
  ])('%s → %s, reported as a rename', (old, today) => {
    expect(canonicalUnit(old, table, YANCHENG)).toEqual({ canonical: today, renamedFrom: old });
  });

  it('today’s names and their abbreviations are no renames', () => {
    for (const name of ['市住建局', '市住房和城乡建设局', '市生态环境局', '市税务局', '市市场监管局']) {
      expect(canonicalUnit(name, table, YANCHENG).renamedFrom, name).toBeUndefined();
    }
    expectOneUnit(['市住建局', '市住房和城乡建设局', '市城建局', '市建设局']);
  });
});

describe('place and level prefixes', () => {
  it('drops the notice’s own place: 盐城市财政局 = 市财政局 = 财政局 in a 盐城 notice', () => {
    expectOneUnit(['盐城市财政局', '市财政局', '财政局']);
    expect(canonical('盐城国税局')).toBe('市税务局');
    expect(canonical('盐城气象局')).toBe('市气象局');
  });

  it('keeps the level: 县财政局 ≠ 市财政局, and 省 in a 省 notice', () => {
    expect(canonical('县财政局')).toBe('县财政局');
    expect(canonical('县财政局')).not.toBe(canonical('市财政局'));
    expect(canonical('财政局', '海南省')).toBe('省财政厅');
    expect(canonical('海南省财政局', '海南省')).toBe('省财政厅');
    expect(canonical('财政局', '北京市西城区')).toBe('区财政局');
  });

  it('leaves a bare name alone when the notice’s level is unknown, and another place’s name whole', () => {
    expect(canonical('人社局', null)).toBe('人力资源和社会保障局');
    expect(canonical('江门市生态环境局台山分局', '台山市')).toBe('江门市生态环境局台山分局');
    expect(canonical('南昌市财政局')).toBe('南昌市财政局');
    expect(canonical('开发区管委会')).toBe('开发区管委会');
  });

  it('reads a place alone, or with 人民政府, as its government', () => {
    expectOneUnit(['东台市', '东台市人民政府', '东台市政府']);
    expect(identifyUnit('亭湖区人民政府', table, YANCHENG)).toMatchObject({ canonical: '亭湖区', kind: 'government', level: '区' });
    expect(identifyUnit('市政府', table, YANCHENG)).toMatchObject({ canonical: '市人民政府', kind: 'own-government' });
  });
});

describe('names that must not merge', () => {
  it.each([
    ['市政府办公室', '市政府各部门'],
    ['市政务办', '市政府各部门'],
    ['市政府办', '市政府各部门'],
    ['市政务办', '市政府办'],
    ['市政务办', '市政府办公室'],
    ['市发改委', '市财政局'],
    ['市教育局', '市教育局某科'],
    ['市财政局', '县财政局'],
    ['市税务局', '市财政局'],
  ])('%s ≠ %s', (a, b) => {
    expect(canonical(a)).not.toBe(canonical(b));
  });
});

describe('groups', () => {
  const unit = (name: string, region: string | null = YANCHENG) => identifyUnit(name, table, region);
  const inGroup = (name: string, group: string, region: string | null = YANCHENG) => belongsTo(unit(name, region), unit(group, region));

  it('a 市 department belongs to 市直各单位, 市政府各部门, 市各有关部门, 各部门, 各有关单位', () => {
    for (const group of ['市直各单位', '市政府各部门', '市各有关部门', '市有关部门', '各部门', '各有关单位', '各地各部门']) {
      expect(inGroup('市财政局', group), group).toBe(true);
      expect(inGroup('人社局', group), group).toBe(true);
    }
  });

  it('but not to the governments’ groups, nor to another level’s', () => {
    for (const group of ['各县（市、区）', '各县（区）', '各镇（街）', '各地', '县直各单位']) {
      expect(inGroup('市财政局', group), group).toBe(false);
    }
    expect(inGroup('县财政局', '市直各单位')).toBe(false);
    expect(inGroup('县财政局', '县直各单位')).toBe(true);
  });

  it('a 县/区 government belongs to 各县（市、区） and 各地; the notice’s own government does not', () => {
    for (const name of ['亭湖区人民政府', '东台市', '阜宁县政府']) {
      expect(inGroup(name, '各县（市、区）'), name).toBe(true);
      expect(inGroup(name, '各地'), name).toBe(true);
      expect(inGroup(name, '市直各单位'), name).toBe(false);
    }
    expect(inGroup('东台市', '各县（区）')).toBe(false);
    expect(inGroup('市政府', '各县（市、区）')).toBe(false);
    expect(inGroup('台城街道', '各镇（街）', '台山市')).toBe(true);
  });

  it('a group is its own unit, not a member of another', () => {
    expect(unit('市政府各部门').kind).toBe('group');
    expect(inGroup('市各有关部门', '各部门')).toBe(false);
  });
});

describe('loadAliases', () => {
  const folder = mkdtempSync(join(tmpdir(), 'taizhang-aliases-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };

  it('caches the built-in table', () => {
    expect(loadAliases()).toBe(table);
  });

  it('extends it with the user’s files: new spellings, renames and groups, later files winning', () => {
    const extra = file(
      'extra.yaml',
      ['units:', '  - name: 数据资源局', '    spellings: [数据局]', '    formerly: [大数据局]', 'groups:', '  - members: [department]', '    names: [市各行政执法单位]'].join('\n'),
    );
    const extended = loadAliases([extra]);
    expect(canonicalUnit('市数据局', extended, YANCHENG)).toEqual({ canonical: '市数据资源局' });
    expect(canonicalUnit('市大数据局', extended, YANCHENG)).toEqual({ canonical: '市数据资源局', renamedFrom: '市大数据局' });
    expect(belongsTo(identifyUnit('市财政局', extended, YANCHENG), identifyUnit('市各行政执法单位', extended, YANCHENG))).toBe(true);
    // The built-in table is untouched.
    expect(canonical('市大数据局')).toBe('市大数据管理局');
  });

  it('names the file and the problem when a file is missing or malformed', () => {
    expect(() => loadAliases([join(folder, 'missing.yaml')])).toThrow(/missing\.yaml: no such file/);
    expect(() => loadAliases([file('bad.yaml', 'units: 3\n')])).toThrow(/bad\.yaml: units must be a list/);
    expect(() => loadAliases([file('bad-group.yaml', 'groups:\n  - names: [各部门]\n    members: [everyone]\n')])).toThrow(/members must list/);
    expect(() => loadAliases([file('not-yaml.yaml', 'units: [\n')])).toThrow(/not-yaml\.yaml/);
    expect(() => loadAliases([file('bad-former.yaml', 'units:\n  - name: 财政局\n    formerly: [[3]]\n')])).toThrow(/formerly must be a list of names/);
  });
});

describe('levels and eras', () => {
  const FUJIAN = '福建省';
  const unit = (name: string, region: string | null = FUJIAN) => identifyUnit(name, table, region);

  it('a province’s departments are 厅, in every spelling: 人社厅 = 人社局 = 人力资源和社会保障厅 at 省', () => {
    expectOneUnit(['省人社厅', '人社厅', '省人力资源和社会保障厅', '人力资源和社会保障厅', '省人社局', '福建省人社厅'], FUJIAN);
    expect(canonical('人社厅', FUJIAN)).toBe('省人力资源和社会保障厅');
    expect(canonical('财政局', FUJIAN)).toBe('省财政厅');
    // Not every body of a province is a 厅.
    expect(canonical('统计局', FUJIAN)).toBe('省统计局');
    expect(canonical('市场监管局', FUJIAN)).toBe('省市场监督管理局');
    // And a city's are 局 even when written 厅.
    expect(canonical('市人社厅')).toBe('市人力资源和社会保障局');
  });

  it('a body a reform replaced is its own unit, shown as written, today’s name beside it', () => {
    expect(unit('省经信委')).toMatchObject({ name: '省经信委', canonical: '省工业和信息化厅', renamedFrom: '省经信委', key: '省经济和信息化委员会' });
    expect(unit('省国土厅')).toMatchObject({ canonical: '省自然资源厅', key: '省国土资源厅' });
    // Two bodies merged into one today are two units of the notice; two names of one body are one.
    expect(unit('省工商局').key).not.toBe(unit('省质监局').key);
    expect(unit('省工商局').key).toBe(unit('省工商行政管理局').key);
    expect(unit('省工商局').canonical).toBe(unit('省质监局').canonical);
  });

  it('central agencies’ local offices keep their place’s name, and are no department of the place', () => {
    expect(unit('福建证监局')).toMatchObject({ name: '福建证监局', kind: 'other' });
    expect(unit('福建证监局').key).toBe(unit('证监局').key);
    expect(unit('厦门证监局').name).toBe('厦门证监局');
    expect(unit('平潭海关', '平潭综合实验区')).toMatchObject({ name: '平潭海关', kind: 'other' });
    expect(unit('人民银行平潭支行', '平潭综合实验区').key).toBe(unit('区人民银行平潭支行', '平潭综合实验区').key);
    expect(belongsTo(unit('福建证监局'), unit('省直各部门'))).toBe(false);
  });
});

describe('collective names the group list does not know', () => {
  const PINGTAN = '平潭综合实验区';
  const unit = (name: string, region: string | null = PINGTAN) => identifyUnit(name, table, region);

  it.each(['各片区管理局', '各区属事业单位', '区直各相关单位', '市级各有关部门', '各乡镇人民政府（街道办事处）', '各设区市', '中央驻闽有关机构', '各区属国企'])('%s is a group', (name) => {
    expect(unit(name).kind).toBe('group');
  });

  it('includes, narrowly: departments of its level for units in general, governments for places, else no one', () => {
    expect(belongsTo(unit('区经济发展局'), unit('区直各相关单位'))).toBe(true);
    expect(belongsTo(unit('市财政局', YANCHENG), unit('市级各有关部门', YANCHENG))).toBe(true);
    expect(belongsTo(unit('区经济发展局'), unit('各区属事业单位'))).toBe(false);
    expect(belongsTo(unit('区经济发展局'), unit('各片区管理局'))).toBe(false);
    expect(belongsTo(unit('市财政局', YANCHENG), unit('市各行政执法单位', YANCHENG))).toBe(false);
    expect(belongsTo(unit('福州市', '福建省'), unit('各设区市', '福建省'))).toBe(true);
    expect(belongsTo(unit('台城街道', '台山市'), unit('各乡镇人民政府（街道办事处）', '台山市'))).toBe(true);
  });

  it('a scope or a note is no unit', () => {
    for (const name of ['适用范围：福建自贸试验区', '免税进口的科研仪器设备按有关政策规定执行']) expect(isNotUnit(name, table), name).toBe(true);
    expect(isNotUnit('海关总署', table)).toBe(false);
  });
});
