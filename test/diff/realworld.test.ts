import { beforeAll, describe, expect, it } from 'vitest';
import { diffLedgers } from '../../src/diff/diff.js';
import type { DiffReport } from '../../src/diff/types.js';
import type { Ledger, Task } from '../../src/model.js';
import { diffFixture, ledgerOfFile } from './helpers.js';

// Real year series of one issuer (fixtures/html/realworld/SOURCES.md, “Year-series summary”). Which task became which was decided by
// reading both years' ledgers side by side; tasks are found by how their text starts (with the id
// they have today for the reader), so that a change of numbering in the reader does not move a pin.

interface Pin {
  /** Start of the old task's text, or null for a task new this year. */
  old: string | null;
  /** Start of the new task's text, or null for a task dropped this year. */
  new: string | null;
  /** The ids the tasks have today, for whoever reads a failure. */
  ids: string;
}

interface Series {
  name: string;
  old: string;
  new: string;
  pins: Pin[];
}

const SERIES: Series[] = [
  {
    name: 'Pingtan 2021 → 2022',
    old: '12-pingtan-2021-zwgk-task-breakdown-table-colspan-mso.html',
    new: '01-pingtan-2022-zwgk-task-breakdown-table-rowspan.html',
    pins: [
      { ids: '1.2.6 → 1.4', old: '加强监管执法信息公开。', new: '持续推进反垄断和反不正当竞争执法信息公开' },
      { ids: '4.3.36 → 6.15', old: '跟踪落实公共企事业单位信息公开制度', new: '严格执行已出台的公共企事业单位信息公开制度' },
      { ids: '1.1.1 → —', old: '主动公开“十四五”规划纲要', new: null },
      { ids: '3.2.26 → —', old: '健全政务新媒体监管机制', new: null },
      { ids: '4.1.33 → —', old: '提升答复文书规范化水平', new: null },
      { ids: '— → 2.5', old: null, new: '系统集成、智能推送已出台各项减税降费政策' },
      { ids: '— → 5.14', old: null, new: '动态公开技能培训政策规定及经办流程' },
    ],
  },
  {
    name: 'Fujian 2017 → 2018',
    old: '15-fujian-2017-zwgk-task-breakdown-table-rowspan-thead.html',
    new: '13-fujian-2018-zwgk-task-breakdown-table-colspan-pasted-fjgov.html',
    pins: [
      { ids: '6.2.54 → 1.3.12', old: '落实政策解读“三同步”要求', new: '落实政策解读制度' },
      { ids: '1.3.11 → 1.2.8', old: '推进公共资源配置信息公开', new: '推进公共资源配置领域政府信息公开' },
      { ids: '6.1.52 → 1.1.4', old: '进一步做好人大代表、政协委员提案办理结果公开工作', new: '推动人大代表建议和政协委员提案办理结果公开' },
      { ids: '2.1.16 → 1.1.5', old: '推行“双随机、一公开”监管全覆盖', new: '推动全面实施“双随机、一公开”监管' },
      { ids: '2.4.25 → 1.2.6', old: '深入推进预决算公开', new: '深入推进预决算公开' },
      { ids: '1.3.10 → 1.2.7', old: '推进重大建设项目信息公开', new: '推进重大建设项目批准和实施领域政府信息公开' },
      { ids: '2.1.17 → 2.5.18', old: '大力推进“互联网＋政务服务”', new: '全面推广“互联网+政务服务”' },
      { ids: '3.2.27 → —', old: '健全去产能公示公告制度', new: null },
      { ids: '4.2.34 → —', old: '及时公开全面推行“河长制”工作实施方案', new: null },
      { ids: '— → 3.8.30', old: null, new: '推进政府网站部署互联网协议第六版（IPv6）' },
      { ids: '— → 4.12.38', old: null, new: '组织开展条例宣传活动' },
    ],
  },
  {
    name: 'Fujian 2018 → 2019 (table → paragraphs)',
    old: '13-fujian-2018-zwgk-task-breakdown-table-colspan-pasted-fjgov.html',
    new: '02-pingtan-fujian-2019-zwgk-tasks-nested-trs-editor.html',
    pins: [
      { ids: '4.12.37 → 4.1', old: '贯彻落实新修订的《中华人民共和国政府信息公开条例》', new: '抓好政府信息公开条例的贯彻落实' },
      { ids: '3.11.36 → 3.3', old: '加快政府公报电子化进程', new: '推进政府公报创新发展' },
      { ids: '3.8.29 → 3.1', old: '提高政府网站管理服务水平', new: '推进政府网站优质规范发展' },
      { ids: '1.3.14 → 2.4', old: '抓好三大攻坚战相关政策措施的解读工作', new: '加强三大攻坚战信息公开' },
      { ids: '3.10.34 → —', old: '全面清理整合政务热线电话', new: null },
      { ids: '3.8.31 → —', old: '开展公共信息资源开放试点工作', new: null },
      { ids: '— → 2.3', old: null, new: '推进行政执法信息公开' },
      { ids: '— → 4.2', old: null, new: '学习借鉴基层政务公开试点经验' },
    ],
  },
];

/** The one task whose text starts so. */
function taskStarting(ledger: Ledger, start: string): Task {
  const found = ledger.tasks.filter((task) => task.text.startsWith(start));
  expect(found.map((task) => task.id), `one task of ${ledger.source.name} starting ${start}`).toHaveLength(1);
  return found[0]!;
}

describe.each(SERIES)('$name', (series) => {
  let before: Ledger;
  let after: Ledger;
  let report: DiffReport;

  beforeAll(async () => {
    before = await ledgerOfFile(diffFixture(series.old));
    after = await ledgerOfFile(diffFixture(series.new));
    report = diffLedgers(before, after);
  });

  it.each(series.pins)('$ids', (pin) => {
    if (pin.old !== null) {
      const oldTask = taskStarting(before, pin.old);
      const pair = report.pairs.find((candidate) => candidate.old === oldTask && candidate.kinds[0] !== 'split')!;
      expect(pair.new === null ? null : pair.new.id).toBe(pin.new === null ? null : taskStarting(after, pin.new).id);
      // An old task folded into a new one together with another is reported as merged into it.
      if (pin.new === null) expect(pair.kinds).toEqual(['removed']);
      else expect(pair.kinds.includes('changed') || pair.kinds.includes('merged')).toBe(true);
    } else {
      const pair = report.pairs.find((candidate) => candidate.new === taskStarting(after, pin.new!))!;
      expect(pair.old?.id ?? null).toBeNull();
      expect(pair.kinds).toEqual(['added']);
    }
  });

  it('accounts for every task of both years once', () => {
    // A split pair names an old task paired elsewhere; a merged pair a new task paired elsewhere.
    const oldIds = report.pairs.filter((pair) => pair.old !== null && pair.kinds[0] !== 'split').map((pair) => pair.old!.id);
    const newIds = report.pairs.filter((pair) => pair.new !== null && pair.kinds[0] !== 'merged').map((pair) => pair.new!.id);
    expect(oldIds.sort()).toEqual(before.tasks.map((task) => task.id).sort());
    expect(newIds.sort()).toEqual(after.tasks.map((task) => task.id).sort());
  });
});
