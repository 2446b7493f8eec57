import { describe, expect, it } from 'vitest';
import type { Meta } from '../../src/model.js';
import { buildLedger } from '../../src/ledger/index.js';
import { isoDate, regionOf } from '../../src/ledger/meta.js';
import { item, noticeFile, outlineOf, type OutlineSpec } from '../support/models.js';
import { parseBytes } from '../../src/pipeline.js';
import { isPlanTitleLine } from '../../src/vocabulary/disclosure.js';

/** A numbered body the meta does not read: it reads the lines around it. */
const BODY = [item('一、', '加强政策解读', item('（一）', '做好政策解读工作。'))];
/** The meta the ledger stage reads from an outline declared as data (signatures and other drops numbered after the body). */
const metaOf = (spec: OutlineSpec): Meta => buildLedger(outlineOf({ items: BODY, ...spec })).meta;
/** The signature the outline stage dropped after the body. */
const signed = (office: string, date: string) => [
  { text: office, reason: 'signature' },
  { text: date, reason: 'signature date' },
];

describe('isoDate', () => {
  it.each([
    ['2016年7月13日', '2016-07-13'],
    ['2019 年 10 月 26 日', '2019-10-26'],
    ['二〇一九年十月二十六日', '2019-10-26'],
    ['二〇二〇年五月十二日', '2020-05-12'],
    ['二零二一年三月一日', '2021-03-01'],
    ['2017/5/15', '2017-05-15'],
    ['2021-03-08', '2021-03-08'],
  ])('%s → %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });

  it.each(['2019年13月1日', '十月二十六日', '年底前'])('%s → null', (text) => {
    expect(isoDate(text)).toBeNull();
  });

  it('reads 二○一九年十月二十六日 written with ○ (U+25CB)', () => {
    expect(isoDate('二○一九年十月二十六日')).toBe('2019-10-26');
  });
});

describe('regionOf', () => {
  it.each([
    ['北京市西城区2020年政务公开工作要点', '北京市西城区'],
    ['海南省2018年政务公开工作要点', '海南省'],
    ['2021年南昌市政务公开工作要点', '南昌市'],
    ['杭州市西湖区2021年政务公开工作要点', '杭州市西湖区'],
    ['甘孜藏族自治州2020年政务公开工作要点', '甘孜藏族自治州'],
    ['宁夏回族自治区2020年政务公开工作要点', '宁夏回族自治区'],
    ['宁乡县2016年政务公开工作要点', '宁乡县'],
  ])('%s → %s', (title, region) => {
    expect(regionOf(title, null)).toBe(region);
  });

  it('falls back on the issuer when the title names no place', () => {
    expect(regionOf('关于做好政务公开工作的通知', '宁乡县人民政府办公室')).toBe('宁乡县');
    expect(regionOf('全市政务公开工作要点', '常德市人民政府办公室')).toBe('常德市');
    expect(regionOf('关于做好政务公开工作的通知', null)).toBeNull();
  });

  it('reads a city whose name ends in 州 (温州市, 广州市)', () => {
    expect(regionOf('温州市2020年政务公开工作要点', null)).toBe('温州市');
    expect(regionOf('广州市2019年政务公开工作要点', null)).toBe('广州市');
  });
});

describe('meta of a whole notice', () => {
  it('reads every field of a cover notice with its plan', () => {
    expect(
      metaOf({
        preamble: [
          '西城区人民政府办公室关于印发北京市西城区2020年政务公开工作要点的通知',
          '西政办发〔2020〕6号',
          '各街道办事处，区政府各委、办、局，各区属机构：',
          '经区政府同意，现将《北京市西城区2020年政务公开工作要点》印发给你们，请认真贯彻执行。',
          '北京市西城区人民政府办公室',
          '二〇二〇年五月十二日',
          '北京市西城区2020年政务公开工作要点',
        ],
        items: [item('一、', '推进决策公开', item('（一）', '完善重大行政决策预公开制度。'))],
      }),
    ).toEqual({
      title: '北京市西城区2020年政务公开工作要点',
      noticeTitle: '西城区人民政府办公室关于印发北京市西城区2020年政务公开工作要点的通知',
      issuer: '北京市西城区人民政府办公室',
      docNumber: '西政办发〔2020〕6号',
      date: '2020-05-12',
      year: 2020,
      region: '北京市西城区',
      recipients: ['各街道办事处', '区政府各委、办、局', '各区属机构'],
    });
  });

  it('takes the title from 《》 in the cover letter when the plan’s title line is missing', () => {
    expect(
      metaOf({
        preamble: [
          '各市、县、自治县人民政府，省政府直属各单位：',
          '《海南省2018年政务公开工作要点》已经省政府同意，现印发给你们，请认真组织实施。',
          '海南省人民政府办公厅',
          '2018年5月30日',
        ],
        items: [item('一、', { text: '加强政策解读', line: 6 }, item('（一）', '做好政策解读工作。'))],
        dropped: [{ text: '（此件主动公开）', reason: 'publication note', line: 5 }],
      }),
    ).toEqual({
      title: '海南省2018年政务公开工作要点',
      noticeTitle: null,
      issuer: '海南省人民政府办公厅',
      docNumber: null,
      date: '2018-05-30',
      year: 2018,
      region: '海南省',
      recipients: ['各市、县、自治县人民政府', '省政府直属各单位'],
    });
  });

  it('takes the plan’s title line, and leaves a cited document number alone', () => {
    expect(
      metaOf({
        preamble: [
          '2021年南昌市政务公开工作要点',
          '根据《江西省人民政府办公厅关于印发2021年江西省政务公开工作要点的通知》（赣府厅字〔2021〕40号）精神，结合我市实际，制定本要点。',
        ],
        items: [item('一、', '深化决策公开', item('（一）', '推进决策预公开。'))],
      }),
    ).toEqual({
      title: '2021年南昌市政务公开工作要点',
      noticeTitle: null,
      issuer: null,
      docNumber: null,
      date: null,
      year: 2021,
      region: '南昌市',
      recipients: [],
    });
  });

  it('takes the notice title as title when the notice embeds no plan', () => {
    expect(
      metaOf({
        preamble: [
          '无锡市政务公开办公室关于做好2019年度政务公开第三方评估工作的通知',
          '锡政公办〔2019〕3号',
          '各市（县）、区政务公开办公室，市各有关部门：',
          '为进一步提升我市政务公开工作水平，现就有关事项通知如下：',
        ],
        items: [item('一、', '评估对象', '各市（县）、区人民政府，市政府各部门。'), item('二、', '评估内容', '重点评估政府信息主动公开情况。')],
        closing: ['各单位要于9月30日前完成自查。'],
        dropped: signed('无锡市政务公开办公室', '2019年8月20日'),
      }),
    ).toEqual({
      title: '无锡市政务公开办公室关于做好2019年度政务公开第三方评估工作的通知',
      noticeTitle: '无锡市政务公开办公室关于做好2019年度政务公开第三方评估工作的通知',
      issuer: '无锡市政务公开办公室',
      docNumber: '锡政公办〔2019〕3号',
      date: '2019-08-20',
      year: 2019,
      region: '无锡市',
      recipients: ['各市（县）、区政务公开办公室', '市各有关部门'],
    });
  });
});

describe('meta fields one by one', () => {
  it('reads a notice title without issuer prefix, the title from it, and no issuer from 发布机构', () => {
    const meta = metaOf({
      preamble: ['关于印发遂宁市2022年政务公开工作要点的通知', { text: '各县（市、区）人民政府，市直各部门：', line: 3 }, '现将《遂宁市2022年政务公开工作要点》印发给你们，请认真抓好落实。'],
      dropped: [{ text: '发布机构：遂宁市人民政府办公室', reason: 'disclosure metadata', line: 2 }],
    });
    expect([meta.noticeTitle, meta.title, meta.issuer]).toEqual(['关于印发遂宁市2022年政务公开工作要点的通知', '遂宁市2022年政务公开工作要点', null]);
  });

  it('takes the issuer from the notice title’s prefix when there is no signature', () => {
    const meta = metaOf({ preamble: ['六盘水市人民政府办公室关于印发六盘水市2020年政务公开工作要点的通知'] });
    expect([meta.issuer, meta.title, meta.region, meta.year]).toEqual(['六盘水市人民政府办公室', '六盘水市2020年政务公开工作要点', '六盘水市', 2020]);
  });

  it('prefers the signing office to the notice title’s prefix', () => {
    const meta = metaOf({ preamble: ['常德市政府办关于印发常德市2019年政务公开工作要点的通知', '常德市人民政府办公室', '2019年4月2日'] });
    expect(meta.issuer).toBe('常德市人民政府办公室');
  });

  it('takes the signing date, not the 印发 line nor the web publishing time', () => {
    const meta = metaOf({
      preamble: ['关于印发遂宁市2022年政务公开工作要点的通知', { text: '遂宁市人民政府办公室', line: 3 }, '2022年3月18日'],
      dropped: [
        { text: '发布日期：2022-03-25', reason: 'disclosure metadata', line: 2 },
        { text: '遂宁市人民政府办公室2022年3月21日印发', reason: 'print line', line: 5 },
      ],
    });
    expect(meta.date).toBe('2022-03-18');
  });

  it('takes the year from the plan title over the signing date’s', () => {
    const meta = metaOf({ preamble: ['泰州市人民政府办公室', '2019年12月3日', '泰州市2020年政务公开工作要点'] });
    expect([meta.date, meta.year, meta.title, meta.issuer]).toEqual(['2019-12-03', 2020, '泰州市2020年政务公开工作要点', '泰州市人民政府办公室']);
  });

  it.each([
    '某某县2024年政务公开工作任务分解',
    '某市2023年政务公开重点工作任务',
    '某区2022年政务公开工作任务分解表',
    '某市数据局2024年政务公开要点',
    '某县2021年政务公开工作任务书',
  ])('takes a title line however the plan names itself: %s', (title) => {
    const meta = metaOf({ preamble: [title] });
    expect([meta.title, meta.year]).toEqual([title, Number(/\d{4}/.exec(title)![0])]);
  });

  it('reads the region of a bureau or a place whose title names none: 六盘水市市场监督管理局, 自治区, 全州', () => {
    const bureau = metaOf({ preamble: ['2023年政务公开工作要点'], dropped: signed('六盘水市市场监督管理局', '2023年3月15日') });
    expect([bureau.region, bureau.issuer]).toEqual(['六盘水市', '六盘水市市场监督管理局']);
    expect(metaOf({ preamble: ['市市场监管局2023年政务公开工作要点'], dropped: signed('杭州市市场监督管理局', '2023年3月15日') }).region).toBe('杭州市');
    expect(metaOf({ preamble: ['自治区2023年政务公开工作要点'], dropped: signed('内蒙古自治区人民政府办公厅', '2023年3月15日') }).region).toBe('内蒙古自治区');
    expect(metaOf({ preamble: ['全州2023年政务公开工作要点'], dropped: signed('延边朝鲜族自治州人民政府办公室', '2023年3月15日') }).region).toBe('延边朝鲜族自治州');
  });

  it('reads a document number in ﹝﹞, with 第, or in brackets after the notice title', () => {
    expect(metaOf({ preamble: ['明政办﹝2023﹞12号', '明溪县2023年政务公开工作要点'] }).docNumber).toBe('明政办﹝2023﹞12号');
    expect(metaOf({ preamble: ['明政办〔2023〕第12号', '明溪县2023年政务公开工作要点'] }).docNumber).toBe('明政办〔2023〕第12号');
    const titled = metaOf({ preamble: ['北京市人民政府办公厅关于印发《北京市2016年政务公开工作要点》的通知（京政办发〔2016〕26号）'] });
    expect([titled.docNumber, titled.noticeTitle]).toEqual(['京政办发〔2016〕26号', '北京市人民政府办公厅关于印发《北京市2016年政务公开工作要点》的通知']);
  });

  it('reads a document number set after the notice title on its line, after the title’s last 的通知', () => {
    const after = metaOf({ preamble: ['关于印发橙溪县2021年政务公开工作要点的通知 橙政办函[2021]12号'] });
    expect([after.noticeTitle, after.docNumber, after.title]).toEqual(['关于印发橙溪县2021年政务公开工作要点的通知', '橙政办函[2021]12号', '橙溪县2021年政务公开工作要点']);
    const passedOn = metaOf({ preamble: ['关于转发云州市关于印发政务公开工作要点的通知的通知橙政办函〔2021〕3号'] });
    expect([passedOn.noticeTitle, passedOn.docNumber]).toEqual(['关于转发云州市关于印发政务公开工作要点的通知的通知', '橙政办函〔2021〕3号']);
    // A number after a line that is no notice's title is a citation, not the notice's.
    expect(metaOf({ preamble: ['按照省政府办公厅要求，现转发云政办函〔2021〕3号'] }).docNumber).toBeNull();
  });

  it('reads a signing date with 0 or O among Chinese digits, or a note after it', () => {
    for (const date of ['二0二三年三月十五日', '二O二三年三月十五日', '2023年3月15日（此件公开发布）']) {
      expect(metaOf({ preamble: ['某县2023年政务公开工作要点'], dropped: signed('某县人民政府办公室', date) }).date, date).toBe('2023-03-15');
    }
  });

  it('takes the year from the date when the title names none', () => {
    const meta = metaOf({ preamble: ['关于做好政务公开工作的通知', '各乡镇人民政府，县直各单位：', '宁乡县人民政府办公室', '2015年6月2日'] });
    expect([meta.title, meta.year, meta.region, meta.issuer]).toEqual(['关于做好政务公开工作的通知', 2015, '宁乡县', '宁乡县人民政府办公室']);
  });

  it('reads a document number standing alone with spaces removed', () => {
    const meta = metaOf({ preamble: ['宜政办发 〔2022〕 15 号'] });
    expect(meta.docNumber).toBe('宜政办发〔2022〕15号');
  });

  it('falls back on the disclosure metadata of the page', () => {
    const meta = metaOf({
      preamble: [{ text: '关于印发温州市2020年政务公开工作要点的通知', line: 4 }],
      dropped: [
        { text: '成文日期：2019年12月3日', reason: 'disclosure metadata', line: 1 },
        { text: '发文字号：温政办〔2019〕88号', reason: 'disclosure metadata', line: 2 },
        { text: '发文机关：温州市人民政府办公室', reason: 'disclosure metadata', line: 3 },
      ],
      file: noticeFile({ metaHints: { date: '2019年12月3日', docNumber: '温政办〔2019〕88号', issuer: '温州市人民政府办公室' } }),
    });
    expect([meta.date, meta.docNumber, meta.issuer, meta.year]).toEqual(['2019-12-03', '温政办〔2019〕88号', '温州市人民政府办公室', 2020]);
  });

  it('splits the recipients on ， only', () => {
    const meta = metaOf({ preamble: ['各县（市、区）人民政府，市政府各部门、各直属机构：', '现将有关事项通知如下：'] });
    expect(meta.recipients).toEqual(['各县（市、区）人民政府', '市政府各部门、各直属机构']);
  });

  it('reads a labelled 主送 line', () => {
    expect(metaOf({ preamble: ['某县2024年政务公开工作要点', '主送：各乡镇人民政府，县直各单位。'] }).recipients).toEqual(['各乡镇人民政府', '县直各单位']);
  });

  it('reads a 主送 line run into the letter after it, only before the words a letter opens with', () => {
    const run = metaOf({ preamble: ['各乡镇人民政府，县直各单位：现将《橙溪县2024年政务公开工作要点》印发给你们，请认真贯彻执行。'] });
    expect(run.recipients).toEqual(['各乡镇人民政府', '县直各单位']);
    expect(metaOf({ preamble: ['各乡镇人民政府，县直各单位：《橙溪县2024年政务公开工作要点》已经县政府同意，现印发给你们。'] }).recipients).toEqual(['各乡镇人民政府', '县直各单位']);
    // A colon inside a sentence, or before words no letter opens with, heads no list of addressees.
    expect(metaOf({ preamble: ['按照县委、县政府部署：为进一步做好政务公开工作，制定本要点。'] }).recipients).toEqual([]);
    expect(metaOf({ preamble: ['县政府办公室：负责统筹协调全县政务公开工作。'] }).recipients).toEqual([]);
  });

  it('reads recipients written with half-width commas', () => {
    const meta = metaOf({ preamble: ['各镇人民政府,各街道办事处,区直各单位:'] });
    expect(meta.recipients).toEqual(['各镇人民政府', '各街道办事处', '区直各单位']);
  });

  it('takes the 印发 line’s date when there is no signing date', () => {
    const meta = metaOf({
      preamble: ['关于印发遂宁市2022年政务公开工作要点的通知', '各县（市、区）人民政府，市直各部门：'],
      dropped: [{ text: '遂宁市人民政府办公室2022年3月18日印发', reason: 'print line', line: 3 }],
    });
    expect(meta.date).toBe('2022-03-18');
  });

  it('takes the title out of 《》 in the notice title', () => {
    const meta = metaOf({ preamble: ['关于印发《泸州市2021年政务公开工作要点》的通知', '各区县人民政府，市级各部门：'] });
    expect([meta.title, meta.region, meta.year]).toEqual(['泸州市2021年政务公开工作要点', '泸州市', 2021]);
  });

  it('reads the signature after a numbered notice body', () => {
    const meta = metaOf({
      preamble: ['关于做好政务公开工作的通知', '各乡镇人民政府，县直各单位：', '现就有关事项通知如下：'],
      dropped: signed('宁乡县人民政府办公室', '2015年6月2日'),
    });
    expect([meta.issuer, meta.date]).toEqual(['宁乡县人民政府办公室', '2015-06-02']);
  });

  it('reads a signing date written with ○', () => {
    const meta = metaOf({ preamble: ['关于印发株洲市2020年政务公开工作要点的通知', '株洲市人民政府办公室', '二○二○年四月十日'] });
    expect([meta.issuer, meta.date]).toEqual(['株洲市人民政府办公室', '2020-04-10']);
  });
});

/** A made-up plan of two items, ended by the lines given, parsed from its text as a .txt file. */
const PLAN = ['橙溪县2023年政务公开工作要点', '一、推进决策公开', '（一）公开决策事项目录，年底前完成。（县司法局负责）', '（二）做好政策解读工作。（县政府办负责）'];
const parsedText = (...lines: string[]) => parseBytes(new TextEncoder().encode(lines.join('\n')), { name: 'made-up.txt' });

describe('the signature at the end of a notice, however it is set', () => {
  it.each([
    ['two spaces', '橙溪县人民政府办公室  2023年3月5日'],
    ['a tab', '橙溪县人民政府办公室\t2023年3月5日'],
    ['full-width spaces', '橙溪县人民政府办公室\u3000\u30002023年3月5日'],
    ['Chinese digits', '橙溪县人民政府办公室  二〇二三年三月五日'],
  ])('reads the office and the date on one line (%s), and keeps the line out of the last task', async (_how, line) => {
    const ledger = await parsedText(...PLAN, '', line);
    expect([ledger.meta.issuer, ledger.meta.date]).toEqual(['橙溪县人民政府办公室', '2023-03-05']);
    expect(ledger.tasks.map((t) => t.text)).toEqual(['公开决策事项目录，年底前完成。', '做好政策解读工作。']);
  });

  it('reads an office that set its own seal (某某办公室（代章）) as the issuer', async () => {
    const ledger = await parsedText(...PLAN, '', '橙溪县人民政府办公室（代章）', '2023年3月5日');
    expect([ledger.meta.issuer, ledger.meta.date]).toEqual(['橙溪县人民政府办公室', '2023-03-05']);
    expect(ledger.tasks.at(-1)!.text).toBe('做好政策解读工作。');
  });

  it('reads a seal another office set for the signer (（某某局代章）) as that office only when no signer stands above it', async () => {
    const alone = await parsedText(...PLAN, '', '（橙溪县数据管理局代章）', '2023年3月5日');
    expect([alone.meta.issuer, alone.meta.date]).toEqual(['橙溪县数据管理局', '2023-03-05']);
    expect(alone.tasks.at(-1)!.text).toBe('做好政策解读工作。');
    const forSigner = await parsedText(...PLAN, '', '橙溪县政务公开领导小组办公室', '（橙溪县数据管理局代章）', '2023年3月5日');
    expect(forSigner.meta.issuer).toBe('橙溪县政务公开领导小组办公室');
    expect(forSigner.tasks.at(-1)!.text).toBe('做好政策解读工作。');
  });

  it('reads the office set below a date no office signed above it', async () => {
    for (const office of ['橙溪县人民政府办公室', '橙溪县人民政府办公室（代章）']) {
      const ledger = await parsedText(...PLAN, '', '2023年3月5日', office);
      expect([ledger.meta.issuer, ledger.meta.date]).toEqual(['橙溪县人民政府办公室', '2023-03-05']);
      expect(ledger.tasks.at(-1)!.text).toBe('做好政策解读工作。');
    }
    const cover = await parsedText('关于印发橙溪县2023年政务公开工作要点的通知', '各乡镇人民政府：', '现将《橙溪县2023年政务公开工作要点》印发给你们。', '2023年3月5日', '橙溪县人民政府办公室', ...PLAN);
    expect(cover.meta.issuer).toBe('橙溪县人民政府办公室');
    // The office above signed: one below (a print line's, say) does not.
    const signedAbove = await parsedText(...PLAN, '', '橙溪县人民政府办公室', '2023年3月5日', '橙溪县政务服务中心');
    expect(signedAbove.meta.issuer).toBe('橙溪县人民政府办公室');
  });

  it('reads a date in figures under the signing office or after it on its line, not standing alone', async () => {
    for (const lines of [['橙溪县人民政府办公室', '2023-03-05'], ['橙溪县人民政府办公室（代章）', '2023.3.5'], ['橙溪县人民政府办公室  2023/3/5']]) {
      const ledger = await parsedText(...PLAN, '', ...lines);
      expect([ledger.meta.issuer, ledger.meta.date], lines.join(' ')).toEqual(['橙溪县人民政府办公室', '2023-03-05']);
      expect(ledger.tasks.at(-1)!.text).toBe('做好政策解读工作。');
    }
    // A page's publishing date under the title is not the signing date.
    const page = await parsedText(PLAN[0]!, '2023-03-05', ...PLAN.slice(1));
    expect(page.meta.date).toBeNull();
  });

  it('takes the date of a 印发 line written in Chinese digits when there is no signature, and keeps it out of the last task', async () => {
    const ledger = await parsedText(...PLAN, '', '橙溪县人民政府办公室　　二〇二三年三月六日印发');
    expect(ledger.meta.date).toBe('2023-03-06');
    expect(ledger.tasks.at(-1)!.text).toBe('做好政策解读工作。');
  });

  it('reads a 主送 line set at the end, and keeps it and the 抄送 line out of the last task', async () => {
    const ledger = await parsedText(...PLAN, '主送：各乡镇人民政府，县直各单位。', '抄送：县委办公室，县人大常委会办公室。');
    expect(ledger.meta.recipients).toEqual(['各乡镇人民政府', '县直各单位']);
    expect(ledger.tasks.at(-1)!.text).toBe('做好政策解读工作。');
  });

  it('does not read a sentence ending in a date, or one naming an office and its seal, as a signature', async () => {
    const ledger = await parsedText(...PLAN, '公布解读材料，截至2023年3月5日', '各乡镇报送自查表，加盖县政府办公室（盖章）');
    expect([ledger.meta.issuer, ledger.meta.date]).toEqual([null, null]);
    const texts = ledger.tasks.map((t) => t.text).join('\n');
    expect(texts).toContain('公布解读材料，截至2023年3月5日');
    expect(texts).toContain('各乡镇报送自查表，加盖县政府办公室（盖章）');
  });
});

describe('a plan title set over two lines, or printed twice', () => {
  it('joins the place standing alone on the line above the title', async () => {
    for (const place of ['橙溪县', '云州市北湖区']) {
      const ledger = await parsedText(place, '2023年政务公开工作要点', ...PLAN.slice(1));
      expect([ledger.meta.title, ledger.meta.region, ledger.meta.year]).toEqual([`${place}2023年政务公开工作要点`, place, 2023]);
    }
  });

  it('joins a title wrapped over two or three lines, its start naming the place or the year', async () => {
    const two = await parsedText('橙溪县2023年政务公开', '工作要点', ...PLAN.slice(1));
    expect([two.meta.title, two.meta.region, two.meta.year]).toEqual(['橙溪县2023年政务公开工作要点', '橙溪县', 2023]);
    const three = await parsedText('橙溪县', '2023年政务公开', '工作要点', ...PLAN.slice(1));
    expect(three.meta.title).toBe('橙溪县2023年政务公开工作要点');
  });

  it('does not join the date or the office of a cover notice above the plan’s title', async () => {
    const ledger = await parsedText('关于印发政务公开工作要点的通知', '各乡镇人民政府：', '现将《政务公开工作要点》印发给你们。', '橙溪县人民政府办公室', '2023年3月5日', '政务公开工作要点', ...PLAN.slice(1));
    expect(ledger.meta.title).toBe('政务公开工作要点');
  });

  it('does not join a place above a title that names its own, nor a line that is more than a place', async () => {
    const own = await parsedText('橙溪县', '云州市2023年政务公开工作要点', ...PLAN.slice(1));
    expect(own.meta.title).toBe('云州市2023年政务公开工作要点');
    const office = await parsedText('橙溪县人民政府办公室', '2023年政务公开工作要点', ...PLAN.slice(1));
    expect(office.meta.title).toBe('2023年政务公开工作要点');
    const whole = await parsedText('全县', '2023年政务公开工作要点', ...PLAN.slice(1));
    expect(whole.meta.title).toBe('2023年政务公开工作要点');
  });

  it('takes the fullest print of a title printed twice, without a page title’s site name', async () => {
    const shortFirst = await parsedText('2023年政务公开工作要点', '', '橙溪县', '2023年政务公开工作要点', ...PLAN.slice(1));
    expect([shortFirst.meta.title, shortFirst.meta.region]).toEqual(['橙溪县2023年政务公开工作要点', '橙溪县']);
    const site = await parsedText('橙溪县2023年政务公开工作要点_橙溪县人民政府网站', '发布时间：2023-03-01', '橙溪县2023年政务公开工作要点', ...PLAN.slice(1));
    expect(site.meta.title).toBe('橙溪县2023年政务公开工作要点');
    const dash = await parsedText('橙溪县2023年政务公开工作要点 - 橙溪县人民政府', ...PLAN.slice(1));
    expect(dash.meta.title).toBe('橙溪县2023年政务公开工作要点');
  });
});

describe('what a plan calls itself', () => {
  it('reads a 工作清单 as a plan title, as a 任务清单 or a 责任清单', () => {
    for (const line of ['云溪区2024年政务公开重点工作清单', '某县政务公开任务清单', '某县政务公开责任清单']) expect(isPlanTitleLine(line)).toBe(true);
  });

  it('does not take a sentence that mentions a 工作清单 for a title', () => {
    expect(isPlanTitleLine('各单位要对照工作清单，逐项抓好落实。')).toBe(false);
  });
});
