import { describe, expect, it } from 'vitest';
import { diffLedgers, MAX_TASKS } from '../../src/diff/diff.js';
import { renderDiff } from '../../src/diff/index.js';
import { nameComparer } from '../../src/diff/unit-changes.js';
import type { Ledger, Task, Unit } from '../../src/model.js';
import { ledgerOfFile, noticePath, NOTICES, shuffled } from './helpers.js';

function task(id: string, path: string[], text: string, units: Unit[] = []): Task {
  return { id, seq: 0, path, title: null, text, units, deadlines: [], line: null };
}

function ledger(year: number, tasks: Task[]): Ledger {
  return {
    schema: 'taizhang/1',
    source: { name: `${year}.txt`, format: 'text', encoding: 'utf-8', script: 'simplified' },
    meta: { title: `${year}年工作要点`, noticeTitle: null, issuer: null, docNumber: null, date: null, year, region: '平潭综合实验区', recipients: [] },
    sections: [],
    tasks: tasks.map((item, index) => ({ ...item, seq: index + 1 })),
    warnings: [],
  };
}

const FILLER = [
  task('9.1', ['强化组织保障'], '加强政务公开培训，提升工作人员业务能力和水平。'),
  task('9.2', ['强化组织保障'], '健全考核评估机制，将政务公开纳入绩效考核。'),
  task('9.3', ['强化组织保障'], '做好政府信息公开工作年度报告编制发布工作。'),
];

describe('unit changes', () => {
  it('take the spellings of one group for one unit', () => {
    const identify = nameComparer();
    const same = (a: string, b: string) => identify(a, '平潭综合实验区').canonical === identify(b, '平潭综合实验区').canonical;
    expect(same('区直有关单位', '区直各有关单位')).toBe(true);
    expect(same('各设区市', '各设区市政府')).toBe(true);
    expect(same('各设区市', '各设区市人民政府')).toBe(true);
    expect(same('省直各部门', '省政府各部门')).toBe(true);
    expect(same('区直有关单位', '区财政金融局')).toBe(false);
    const report = diffLedgers(
      ledger(2021, [task('1', ['公开'], '深化政务公开标准化规范化建设', [{ name: '区直有关单位', role: 'support' }, { name: '各设区市', role: 'responsible' }]), ...FILLER]),
      ledger(2022, [task('1', ['公开'], '深化政务公开标准化规范化建设', [{ name: '区直各有关单位', role: 'support' }, { name: '各设区市政府', role: 'responsible' }]), ...FILLER]),
    );
    expect(report.counts).toMatchObject({ units: 0, unchanged: 4 });
  });
});

describe('sections, nearest candidates, splits and mergers', () => {
  const before = ledger(2021, [
    task('1.1', ['推进决策公开'], '推进重大行政决策预公开，主动公开决策草案、决策依据，广泛听取公众意见。'),
    task('1.2', ['推进决策公开'], '做好政策文件解读工作，落实解读方案与政策文件同步组织、同步审签、同步部署。'),
    task('2.1', ['加强平台建设'], '加强政府网站集约化建设，推进政务新媒体健康有序发展，规范账号管理。'),
    task('3.1', ['做好疫情防控信息发布'], '每日发布新冠肺炎疫情防控情况，及时发布疫苗接种工作信息。'),
    ...FILLER,
  ]);
  const after = ledger(2022, [
    task('1.1', ['加强平台建设'], '加强政府网站集约化建设，统一平台技术标准。'),
    task('1.2', ['加强平台建设'], '推进政务新媒体健康有序发展，规范政务新媒体账号管理。'),
    task('2.1', ['推进决策公开'], '推进重大行政决策预公开，主动公开决策草案、决策依据，广泛听取公众意见。'),
    task('3.1', ['优化营商环境'], '公开减税降费政策措施，帮助市场主体用足用好政策。'),
    ...FILLER,
  ]);
  const report = diffLedgers(before, after);

  it('counts per section with the year each is of, the new year first, each in document order', () => {
    expect(report.sections.map(({ side, year, title }) => [side, year, title])).toEqual([
      ['new', 2022, '加强平台建设'],
      ['new', 2022, '推进决策公开'],
      ['new', 2022, '优化营商环境'],
      ['new', 2022, '强化组织保障'],
      ['old', 2021, '推进决策公开'],
      ['old', 2021, '做好疫情防控信息发布'],
    ]);
    expect(renderDiff(report, 'terminal')).toContain('2021年 做好疫情防控信息发布  删除 1');
  });

  it('reports a task split in two as one pair and one split, not one added', () => {
    const fromOld = report.pairs.filter((pair) => pair.old?.id === '2.1');
    expect(fromOld.map((pair) => pair.new!.id).sort()).toEqual(['1.1', '1.2']);
    expect(fromOld.map((pair) => pair.kinds[0]).sort()).toEqual(['changed', 'split']);
    expect(report.counts).toMatchObject({ split: 1, added: 1, merged: 0 });
    const split = fromOld.find((pair) => pair.kinds[0] === 'split')!;
    expect(renderDiff(report, 'terminal')).toContain(`2.1 → ${split.new!.id}  拆分`);
  });

  it('shows a removed task with its closest candidate under the threshold', () => {
    const removed = report.pairs.find((pair) => pair.old?.id === '3.1')!;
    expect(removed.kinds).toEqual(['removed']);
    expect(removed.nearest).toBeDefined();
    expect(removed.nearest!.similarity).toBeLessThan(report.threshold);
    expect(renderDiff(report, 'terminal')).toContain(`最相近：${removed.nearest!.task.id}（${removed.nearest!.similarity.toFixed(2)}）`);
    expect(JSON.parse(renderDiff(report, 'json')).pairs).toContainEqual(
      expect.objectContaining({ old: '3.1', new: null, nearest: { id: removed.nearest!.task.id, similarity: expect.any(Number) } }),
    );
  });

  it('reports two tasks merged into one as one pair and one merged, not one removed', () => {
    const merged = diffLedgers(after, before);
    expect(merged.counts).toMatchObject({ merged: 1, split: 0 });
    const part = merged.pairs.find((pair) => pair.kinds[0] === 'merged')!;
    expect(part.new!.id).toBe('2.1');
    expect(merged.pairs.filter((pair) => pair.new?.id === '2.1').map((pair) => pair.kinds[0]).sort()).toEqual(['changed', 'merged']);
  });

  it('gives every pair its signals', () => {
    for (const pair of report.pairs.filter((candidate) => candidate.old !== null && candidate.new !== null)) {
      expect(Object.keys(pair.signals!)).toEqual(expect.arrayContaining(['terms', 'bigrams', 'position']));
    }
  });
});

describe('size', () => {
  it(`refuses more than ${MAX_TASKS} tasks a side with a message that says so`, () => {
    const huge = ledger(2022, Array.from({ length: MAX_TASKS + 1 }, (_, index) => task(String(index), [], `任务${index}`)));
    expect(() => diffLedgers(huge, ledger(2021, FILLER))).toThrow(/10,001 tasks; diff compares at most 10,000 tasks a side/);
  });

  it('beyond 500 × 500 compares only candidates, and still finds every task of a shuffled copy', async () => {
    const tasks: Task[] = [];
    for (const name of NOTICES) tasks.push(...(await ledgerOfFile(noticePath(name))).tasks);
    // Three copies under other ids: more than 500 tasks, each text (at least) three times.
    const many = [0, 1, 2].flatMap((copy) => tasks.map((item) => ({ ...item, id: `${copy}.${item.id}`, path: [`${copy}${item.path[0] ?? ''}`] })));
    expect(many.length).toBeGreaterThan(500);
    const report = diffLedgers(ledger(2021, many), ledger(2022, shuffled(many, 9)));
    expect(report.counts).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(report.pairs.every((pair) => pair.old!.text === pair.new!.text)).toBe(true);
  });
});
