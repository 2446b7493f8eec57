import { describe, expect, it } from 'vitest';
import { deadlineOfCell, findDeadlines } from '../../src/vocabulary/deadlines.js';
import { buildLedger } from '../../src/ledger/index.js';
import { outlineOf, tableRow } from '../support/models.js';

const PLAN_YEAR = 2022;
const find = (text: string) => findDeadlines(text, PLAN_YEAR);

describe('deadlines resolved with the plan year', () => {
  it.each([
    ['年底前完成政府网站平台迁移。', '年底前', '2022-12-31'],
    ['年底之前完成。', '年底之前', '2022-12-31'],
    ['年内完成行政规范性文件清理。', '年内', '2022-12-31'],
    ['本年度内完成。', '本年度内', '2022-12-31'],
    ['到年底，基本建成统一平台。', '年底', '2022-12-31'],
    ['8月底前完成自查整改。', '8月底前', '2022-08-31'],
    ['2月底前完成。', '2月底前', '2022-02-28'],
    ['9月上旬完成第三方评估。', '9月上旬', '2022-09-10'],
    ['9月中旬前报送评估报告。', '9月中旬前', '2022-09-20'],
    ['9月下旬完成整改。', '9月下旬', '2022-09-30'],
    ['5月20日—8月30日开展集中检查。', '5月20日—8月30日', '2022-08-30'],
    ['5月20日至8月30日开展集中检查。', '5月20日至8月30日', '2022-08-30'],
    ['于6月30日前报送工作总结。', '6月30日前', '2022-06-30'],
    ['上半年完成目录编制。', '上半年', '2022-06-30'],
    ['三季度末前完成验收。', '三季度末前', '2022-09-30'],
    ['第二季度开展专项检查。', '第二季度', '2022-06-30'],
    ['3季度末前完成验收。', '3季度末前', '2022-09-30'],
    ['下半年开展第三方评估。', '下半年', '2022-12-31'],
    ['年底完成清理。', '年底', '2022-12-31'],
    ['11月完成目录编制。', '11月', '2022-11-30'],
    ['10月份完成群众评议。', '10月份', '2022-10-31'],
    ['次年1月底前公布年度报告。', '次年1月底前', '2023-01-31'],
    ['明年3月底前完成。', '明年3月底前', '2023-03-31'],
    ['三月底前完成自查。', '三月底前', '2022-03-31'],
    ['十一月前报送总结。', '十一月前', '2022-11-30'],
    ['十月中旬前完成专栏改版。', '十月中旬前', '2022-10-20'],
    ['十二月上旬完成考核。', '十二月上旬', '2022-12-10'],
    ['9月20号前完成公开栏更新。', '9月20号前', '2022-09-20'],
    ['10月31日（含）前完成网站适老化改造。', '10月31日（含）前', '2022-10-31'],
    ['上半年内启动政务开放日活动。', '上半年内', '2022-06-30'],
    ['二季度内完成评估。', '二季度内', '2022-06-30'],
    ['于今年年底前完成目录调整。', '今年年底前', '2022-12-31'],
  ])('%s → %s, %s', (text, written, date) => {
    expect(find(text)).toEqual([{ text: written, date }]);
  });
});

describe('deadlines with their own year', () => {
  it.each([
    ['2018年8月5日前报送年度总结。', '2018年8月5日前', '2018-08-05'],
    ['2021年8月前完成整改。', '2021年8月前', '2021-08-31'],
    ['于2023年10月完成。', '2023年10月', '2023-10-31'],
    ['2021年8月底前完成系统对接。', '2021年8月底前', '2021-08-31'],
    ['2023年底前全面完成。', '2023年底前', '2023-12-31'],
    ['到2017年，基本建成政务公开标准体系。', '2017年', '2017-12-31'],
    ['2024年内完成专区建设。', '2024年内', '2024-12-31'],
    ['2024年度内完成。', '2024年度内', '2024-12-31'],
    ['2023年12月31日完成验收。', '2023年12月31日', '2023-12-31'],
    ['二〇二五年六月底前上线运行。', '二〇二五年六月底前', '2025-06-30'],
    ['二〇二三年底前全面完成。', '二〇二三年底前', '2023-12-31'],
  ])('%s → %s, %s', (text, written, date) => {
    expect(find(text)).toEqual([{ text: written, date }]);
  });

  it('2021年8月完成… → 2021年8月, 2021-08-31', () => {
    expect(find('2021年8月完成系统对接。')).toEqual([{ text: '2021年8月', date: '2021-08-31' }]);
  });
});

describe('relative limits: date null, with their trigger', () => {
  it.each([
    ['收到申请后3个工作日内予以答复。', '收到申请后3个工作日内'],
    ['重大突发事件6小时内发布权威信息。', '6小时内'],
    ['政策文件公开后3个工作日内发布解读材料。', '公开后3个工作日内'],
    ['本要点印发后20个工作日内制定细化方案。', '印发后20个工作日内'],
    ['采取网上征求意见的，要在征集结束后1个月内公开反馈结果。', '征集结束后1个月内'],
    ['在法定时限内予以答复。', '法定时限内'],
    ['两个工作日内完成转办。', '两个工作日内'],
    ['3年内实现村务公开全覆盖。', '3年内'],
    ['半年内完成整改。', '半年内'],
    ['收到申请之日起15个工作日内予以答复。', '收到申请之日起15个工作日内'],
    ['自本方案印发之日起30日内确定联络员。', '印发之日起30日内'],
    ['各部门于收到意见后5个工作日内反馈。', '收到意见后5个工作日内'],
    ['建立起3个工作日内办结机制。', '3个工作日内'],
    ['自2023年1月1日起3个月内完成过渡。', '3个月内'],
  ])('%s → %s', (text, written) => {
    expect(find(text)).toEqual([{ text: written, date: null }]);
  });
});

describe('frequencies and non-limits', () => {
  it.each([
    '每季度公开1次政务舆情回应情况。',
    '按月公开财政收支情况。',
    '每年底前报送年度工作报告。',
    '每月10日前报送信息报送情况。',
    '每月20号前报送上月数据。',
    '力争用3年时间完成。',
    '年末开展满意度测评。',
    '加强政务公开标准化建设。',
  ])('%s holds no deadline', (text) => {
    expect(find(text)).toEqual([]);
  });

  it('a month named with nothing that makes it a limit (1-8月份, 3月份以来, 剔除3月份录取的) is not a deadline', () => {
    expect(find('1-8月份重点领域信息公开达到良好等次，3月份以来持续推进，剔除3月份单招录取的930人。')).toEqual([]);
  });

  it('a yearly recurring date (每年3月31日前) is not a deadline', () => {
    expect(find('每年3月31日前向社会公布上一年度政府信息公开工作年度报告。')).toEqual([]);
  });
});

describe('findDeadlines: several, and without a plan year', () => {
  it('lists every limit in order', () => {
    expect(find('6月底前完成目录编制，重要政策文件公开后3个工作日内发布解读，年底前完成验收。')).toEqual([
      { text: '6月底前', date: '2022-06-30' },
      { text: '公开后3个工作日内', date: null },
      { text: '年底前', date: '2022-12-31' },
    ]);
  });

  it('lists a limit written twice once', () => {
    expect(find('年底前完成清理，年底前完成公开。')).toEqual([{ text: '年底前', date: '2022-12-31' }]);
  });

  it('keeps dates without their own year null when the plan year is unknown', () => {
    expect(findDeadlines('年底前完成清理，2023年6月底前完成验收。', null)).toEqual([
      { text: '年底前', date: null },
      { text: '2023年6月底前', date: '2023-06-30' },
    ]);
  });
});

describe('deadlineOfCell', () => {
  it('keeps a 完成时限 cell that names no date, with date null', () => {
    expect(deadlineOfCell('持续推进', 2022)).toEqual({ text: '持续推进', date: null });
    expect(deadlineOfCell(' 长期坚持 ', 2022)).toEqual({ text: '长期坚持', date: null });
  });

  it('resolves a cell that names a date', () => {
    expect(deadlineOfCell('2023年6月底前', 2023)).toEqual({ text: '2023年6月底前', date: '2023-06-30' });
    expect(deadlineOfCell('11月底前', 2023)).toEqual({ text: '11月底前', date: '2023-11-30' });
  });

  it('resolves a cell that is a bare month or date: 2021年8月, 12月31日, 年底', () => {
    expect(deadlineOfCell('2021年8月', 2021)).toEqual({ text: '2021年8月', date: '2021-08-31' });
    expect(deadlineOfCell('12月31日', 2021)).toEqual({ text: '12月31日', date: '2021-12-31' });
    expect(deadlineOfCell('年底', 2021)).toEqual({ text: '年底', date: '2021-12-31' });
  });

  it('turns a table’s 完成时限 cell into the task’s first deadline', () => {
    // 序号 | 工作任务 | 具体要求 | 牵头单位 | 完成时限
    const table = outlineOf({
      preamble: ['株洲市2023年政务公开重点任务分工表'],
      items: [
        tableRow(1, 3, '加强政策解读', ['重要政策文件印发后3个工作日内发布解读材料。'], { units: [{ text: '市政府办公室', role: 'lead' }], deadlines: ['持续推进'] }),
        tableRow(2, 4, '做好舆情回应', ['建立健全政务舆情监测研判机制。'], { units: [{ text: '市委网信办', role: 'lead' }], deadlines: ['9月底前'] }),
      ],
    });
    expect(buildLedger(table).tasks.map((t) => t.deadlines)).toEqual([
      [
        { text: '持续推进', date: null },
        { text: '印发后3个工作日内', date: null },
      ],
      [{ text: '9月底前', date: '2023-09-30' }],
    ]);
  });
});

describe('a month with 份 or 前', () => {
  it('9月份前 and 10月前 end with that month', () => {
    expect(findDeadlines('各街道要于9月份前完成自查。', 2023)).toEqual([{ text: '9月份前', date: '2023-09-30' }]);
    expect(findDeadlines('10月前完成栏目改版。', 2023)).toEqual([{ text: '10月前', date: '2023-10-31' }]);
  });
  it('but not every year', () => {
    expect(findDeadlines('每年10月前报送年度计划。', 2023)).toEqual([]);
  });
});

describe('ranges of months and quarters: the end of the range', () => {
  it.each([
    ['汛期6—9月每日发布雨情信息。', '6—9月', '2022-09-30'],
    ['6-9月公开值班电话。', '6-9月', '2022-09-30'],
    ['6月至9月及时发布转移信息。', '6月至9月', '2022-09-30'],
    ['6月到9月开展专项检查。', '6月到9月', '2022-09-30'],
    ['2024年6月—9月公开重建进展。', '2024年6月—9月', '2024-09-30'],
    ['5—6月底前完成隐患排查。', '5—6月底前', '2022-06-30'],
    ['6月1日—9月15日开展巡查。', '6月1日—9月15日', '2022-09-15'],
    ['6月—9月30日开展巡查。', '6月—9月30日', '2022-09-30'],
    ['11月至次年3月做好供暖信息公开。', '11月至次年3月', '2023-03-31'],
    ['11—3月做好供暖信息公开。', '11—3月', '2023-03-31'],
    ['2022年10月—2023年3月开展评估。', '2022年10月—2023年3月', '2023-03-31'],
    ['三至四季度完成汛情评估。', '三至四季度', '2022-12-31'],
    ['第二—第三季度开展督查。', '第二—第三季度', '2022-09-30'],
    ['3-4季度开展督查。', '3-4季度', '2022-12-31'],
    ['8月中旬至9月上旬开展中期检查。', '8月中旬至9月上旬', '2022-09-10'],
    ['三至四月开展政务开放日活动。', '三至四月', '2022-04-30'],
    ['九—十月份组织评议。', '九—十月份', '2022-10-31'],
    ['2020—2021年分步推进标准化建设。', '2020—2021年', '2021-12-31'],
    ['2023年至2024年底前完成评估。', '2023年至2024年底前', '2024-12-31'],
    ['6月至年底开展进社区活动。', '6月至年底', '2022-12-31'],
    ['2023年九月至年底前完成整改。', '2023年九月至年底前', '2023-12-31'],
  ])('%s → %s, %s', (text, written, date) => {
    expect(find(text)).toEqual([{ text: written, date }]);
  });

  it.each([
    ['每年6—9月发布汛期信息。', 'a range every year'],
    ['1—6月全市共发布信息1200条。', 'the year so far, as figures count it'],
    ['公开4-6月的财政收支数据。', 'the period of some figures'],
    ['降雨量1—2毫米的站点。', 'a range of numbers'],
    ['第3.6-9月版本。', 'a number before it'],
    ['每月6—9日报送信息。', 'days of every month'],
    ['一至三月全市共受理申请120件。', 'the year so far, in Chinese numerals'],
    ['落实五年行动计划（2021—2025年）的部署。', 'the period of a plan'],
    ['贯彻《政务公开规划（2021—2025年）》。', 'the period in a title'],
    ['2016—2020年的数据全部公开。', 'the period of some figures'],
    ['每年6月至年底开展巡查。', 'a range every year'],
  ])('%s holds no range (%s)', (text) => {
    expect(find(text).filter((d) => /[—\-至到]/.test(d.text))).toEqual([]);
  });

  it('reads a range in a 完成时限 cell by its end', () => {
    expect(deadlineOfCell('2023年6月—9月', 2023)).toEqual({ text: '2023年6月—9月', date: '2023-09-30' });
  });
});
