import { describe, expect, it } from 'vitest';
import { clean, cleanLine } from '../../src/clean/index.js';
import { CHROME_RULES, chromeReason, metadataOf } from '../../src/clean/chrome.js';
import { normalisePunctuation, normaliseSpace } from '../../src/clean/punctuation.js';
import { removePinyin } from '../../src/clean/pinyin.js';
import { conversionSteps, convertToSimplified, entriesOf } from '../../src/clean/script.js';
import { flagsOf } from '../../src/clean/scan.js';
import * as OpenCCt2cn from 'opencc-js/t2cn';
import { findMojibake } from '../../src/clean/mojibake.js';
import { decoded } from '../support/models.js';

const cleanedTexts = (text: string) => clean(decoded(text)).lines.map((l) => l.text);

describe('punctuation widths', () => {
  it('turns half-width , : ; next to Chinese into full-width', () => {
    expect(cleanLine('各单位要高度重视,明确分工:一是压实责任;二是强化督查')).toBe('各单位要高度重视，明确分工：一是压实责任；二是强化督查');
  });

  it('turns half-width ( ) next to Chinese into full-width', () => {
    expect(cleanLine('各县(市、区)人民政府')).toBe('各县（市、区）人民政府');
  });

  it('turns half-width ? and ! after Chinese into full-width', () => {
    expect(normalisePunctuation('是否按时公开?务必落实!')).toBe('是否按时公开？务必落实！');
  });

  it('keeps 1,000 and 20:37 between digits half-width', () => {
    expect(cleanLine('全年新增公开信息1,000条,发布会于20:37结束')).toBe('全年新增公开信息1,000条，发布会于20:37结束');
  });

  it('rewrites a line longer than its buffer whole, and a shorter one after it with nothing left over', () => {
    const long = '各县(市、区)要高度重视,明确分工。'.repeat(400);
    expect(normalisePunctuation(long)).toBe('各县（市、区）要高度重视，明确分工。'.repeat(400));
    expect(normalisePunctuation('各县(市)')).toBe('各县（市）');
  });

  it('widens the parentheses of a Latin parenthetical beside Chinese: (PPP)', () => {
    expect(cleanLine('推广政府和社会资本合作(PPP)模式')).toBe('推广政府和社会资本合作（PPP）模式');
  });
});

describe('white space', () => {
  it('trims, and removes spaces next to Chinese text', () => {
    expect(cleanLine('  一、 加强 组织领导  ')).toBe('一、加强组织领导');
  });

  it('keeps one space between Latin words', () => {
    expect(normaliseSpace('Open   Data 平台')).toBe('Open Data平台');
  });

  it('keeps U+2029, which separates the paragraphs of a table cell', () => {
    expect(cleanLine('市财政局\u2029市税务局')).toBe('市财政局\u2029市税务局');
  });
});

describe('private-use characters', () => {
  it('drops them inside Chinese text', () => {
    expect(cleanLine('政务\ue0a5公开\uf8ff工作')).toBe('政务公开工作');
  });

  it('turns them into a separator after a digit', () => {
    expect(normaliseSpace('1\ue01020项重点任务')).toBe('1 20项重点任务');
  });

  it('leaves a bare number directly before Chinese text once the separator meets Chinese', () => {
    expect(cleanLine('1\ue010深入推进决策公开')).toBe('1深入推进决策公开');
  });
});

describe('pinyin annotations', () => {
  it('removes a toned syllable after a Han character', () => {
    expect(removePinyin('關(guān)於印發(fā)')).toBe('關於印發');
  });

  it('removes an annotation in full-width parentheses too', () => {
    expect(removePinyin('發（fā）布')).toBe('發布');
  });

  it('gives 关于 after OpenCC in clean()', () => {
    expect(cleanedTexts('關(guān)於印發(fā)溫州市2020年政務(wù)公開工作要點的通知')).toEqual([
      '关于印发温州市2020年政务公开工作要点的通知',
    ]);
  });

  it('keeps real parentheticals: (PPP), (IPv6), 各鎮(街), (江蘇)', () => {
    expect(removePinyin('合作(PPP)模式')).toBe('合作(PPP)模式');
    expect(removePinyin('第六版(IPv6)部署')).toBe('第六版(IPv6)部署');
    expect(cleanedTexts('推廣政府和社會資本合作(PPP)模式，推進互聯網協議第六版(IPv6)部署，各鎮(街)要登錄國家企業信用信息公示系統(江蘇)')).toEqual([
      '推广政府和社会资本合作（PPP）模式，推进互联网协议第六版（IPv6）部署，各镇（街）要登录国家企业信用信息公示系统（江苏）',
    ]);
  });
});

describe('OpenCC traditional → simplified', () => {
  it('converts, keeping 著力 (not 着力)', () => {
    expect(convertToSimplified('著力推進政務公開')).toBe('著力推进政务公开');
  });

  it('keeps 著力 through clean()', () => {
    expect(cleanedTexts('著力提升政務服務水平')).toEqual(['著力提升政务服务水平']);
  });

  it('reports the script of the input', () => {
    expect(clean(decoded('各縣（市、區）人民政府要著力推進政務公開')).file.source.script).toBe('traditional');
    expect(clean(decoded('各县（市、区）人民政府要着力推进政务公开')).file.source.script).toBe('simplified');
    // one traditional character among 24 Han characters: under the 5% share
    const mixed = '各县区要加强政务公开工作，著力提升服务水平，不断推進';
    expect(clean(decoded(mixed)).file.source.script).toBe('mixed');
  });
});

describe('chrome rules', () => {
  it('has exactly these rules', () => {
    expect(CHROME_RULES.map((r) => r.reason)).toEqual([
      'breadcrumb',
      'breadcrumb',
      'page counter',
      'font and print bar',
      'font and print bar',
      'page buttons',
      'pagination',
      'page number',
      'QR code',
      'byline',
      'web address',
      'download link',
      'site footer',
      'site footer',
      'disclosure metadata',
      'document-sharing header',
      'document-sharing header',
      'file name',
      'login bar',
      'publishing time',
      'publication note',
      'print line',
      'contact line',
      'recipients line',
      'copy-to line',
      'related links',
      'social media account',
    ]);
  });

  it.each([
    ['相关链接：国务院 甘肃省人民政府 兰州市人民政府', 'related links'],
    ['联系人：张三，电话：0000-1234567', 'contact line'],
    ['（联系人：张三，联系电话：0000-1234567）', 'contact line'],
    ['绍兴市人民政府办公室 二〇二一年三月十日印发', 'print line'],
    ['主送：各县（市、区）人民政府，市直各单位。', 'recipients line'],
    ['抄送：市委办公室，市人大常委会办公室。', 'copy-to line'],
    ['抄 报：省政府办公厅。', 'copy-to line'],
    ['您当前所在位置：首页 > 政务公开 > 通知公告', 'breadcrumb'],
    ['当前位置：首页>信息公开>规划计划', 'breadcrumb'],
    ['首页 » 政府信息公开 » 工作要点', 'breadcrumb'],
    ['访问量：2048', 'page counter'],
    ['浏览次数：356', 'page counter'],
    ['【字体：大 中 小】', 'font and print bar'],
    ['【打印本页】【关闭窗口】', 'font and print bar'],
    ['打印本页', 'page buttons'],
    ['返回顶部', 'page buttons'],
    ['下一篇', 'page buttons'],
    ['扫一扫在手机打开当前页', 'QR code'],
    ['版权所有：绍兴市人民政府办公室', 'site footer'],
    ['主办单位：绍兴市人民政府办公室', 'site footer'],
    ['浙ICP备05003022号', 'site footer'],
    ['网站地图', 'site footer'],
    ['索引号：11330600002584741L/2021-00123', 'disclosure metadata'],
    ['文号：绍政办发〔2021〕9号', 'disclosure metadata'],
    ['发布机构：绍兴市人民政府办公室', 'disclosure metadata'],
    ['2021-03-12 09：45', 'publishing time'],
    ['（此件公开发布）', 'publication note'],
    ['绍兴市人民政府办公室 2021年3月10日印发', 'print line'],
    ['首页 >> 政务公开 >> 规划计划', 'breadcrumb'],
    ['字号：大 中 小', 'font and print bar'],
    ['【推荐', 'page buttons'],
    ['分享到：微信 微博', 'page buttons'],
    ['上一篇：关于做好防汛工作的通知', 'page buttons'],
    ['[1] [2] [3]', 'pagination'],
    ['扫码查看手机版页面', 'QR code'],
    ['（责任编辑：张三）', 'byline'],
    ['2005年08月16日 来源：新华网', 'byline'],
    ['www.example.gov.cn/art/2021/3/12.html', 'web address'],
    ['附件下载', 'download link'],
    ['pdf下载 word下载', 'download link'],
    ['网站识别码：3306000001', 'site footer'],
    ['政务微信', 'social media account'],
    ['今日头条号', 'social media account'],
    ['国产精品久久久久久', 'spam'],
    ['在线观看高清免费', 'spam'],
    ['本文档由会员分享，可在线阅读', 'document-sharing header'],
    ['Copyright © 2021 绍兴市人民政府', 'site footer'],
    ['索引号： | 0012-2023-001 | 组配分类： | 通知公告 |', 'disclosure metadata'],
  ])('drops %s as %s', (line, reason) => {
    expect(chromeReason(line)).toBe(reason);
    // …also when told what the scan found in it: each rule's keys are in each of its matches.
    expect(chromeReason(line, flagsOf(line))).toBe(reason);
  });

  it('tries a rule that searches the whole line only on lines holding one of its keys', () => {
    const footer = CHROME_RULES.find((rule) => rule.keys?.includes('版'))!;
    expect(chromeReason('版权所有：绍兴市人民政府办公室', flagsOf('版权所有') & ~footer.keyFlag!)).toBeNull();
    expect(chromeReason('版权所有：绍兴市人民政府办公室', flagsOf('版权所有'))).toBe('site footer');
  });

  it('keys every character the cleaning writes as a key: traditional forms, compatibility ideographs, full-width letters', () => {
    const { normalisation, conversion } = conversionSteps(OpenCCt2cn);
    const entries = [...normalisation, ...conversion].flatMap((group) => [...entriesOf(group)].map(([from, to]) => [[...from], [...to]]));
    for (const rule of CHROME_RULES.filter((r) => r.keys !== undefined)) {
      // Every character some step writes as a key, or as one that a later step writes as a key.
      const writers = new Set(rule.keys);
      for (let size = 0; size !== writers.size; ) {
        size = writers.size;
        for (const [source, target] of entries) {
          target!.forEach((char, i) => {
            if (!writers.has(char)) return;
            // A changed length leaves no position to compare: any of the source's characters.
            for (const written of source!.length === target!.length ? [source![i]!] : source!) writers.add(written);
          });
        }
      }
      expect([...writers].filter((char) => !rule.keys!.includes(char)), rule.reason).toEqual([]);
      for (const key of rule.keys!) if (/[A-Za-z]/.test(key)) expect(rule.keys, `${rule.reason}: full-width ${key}`).toContain(String.fromCharCode(key.charCodeAt(0) + 0xfee0));
    }
    // Through the whole clean stage: a traditional page's footer and sharing header.
    expect(clean(decoded('版權所有：紹興市人民政府辦公室\n本文檔由會員分享，可在線閱讀\n一、加強組織領導')).file.dropped.map((d) => d.reason)).toEqual(['site footer', 'document-sharing header']);
  });

  it('drops “(此件主动公开)” once cleaned', () => {
    expect(chromeReason(cleanLine('(此件主动公开)'))).toBe('publication note');
  });

  it('drops a publishing time with a half-width colon, as clean() leaves it', () => {
    const { lines, file: { dropped } } = clean(decoded("2021-03-12 09:45\n一、加强组织领导"));
    expect(lines.map((l) => l.text)).toEqual(['一、加强组织领导']);
    expect(dropped.map((d) => d.reason)).toEqual(['publishing time']);
  });

  it.each([
    '关于印发绍兴市2021年政务公开工作要点的通知',
    '绍政办发〔2021〕9号',
    '各区、县（市）人民政府，市政府各部门、各直属单位：',
    '现将《绍兴市2021年政务公开工作要点》印发给你们，请认真贯彻落实。',
    '绍兴市人民政府办公室',
    '2021年3月10日',
    '一、加强政策解读',
    '（二）做好政务舆情回应。建立健全舆情监测机制。（市委网信办牵头，市公安局配合）',
    '3.公开来源：各部门门户网站。',
    '责任单位：市大数据局、市政府办公室',
    '附件：1.绍兴市政务公开重点任务分工表',
    '（三）规范解读材料报送，解读方案抄送市政府办公室备案。',
    '《绍兴市政务公开办法》已于二〇二一年三月十日印发。',
    '二、推进政务服务“掌上办”',
  ])('keeps the ordinary notice line %s', (line) => {
    expect(chromeReason(line)).toBeNull();
  });

  it('drops a printed page number, but not a bare number (a 序号 cell) or a year set apart', () => {
    for (const line of ['— 2 —', '－ 12 －', '- 3 -', '第3页', '第 3 页 共 12 页', '共12页 第3页']) expect(chromeReason(line)).toBe('page number');
    for (const line of ['2', '— 2024 —', '1-2', '第3页至第5页']) expect(chromeReason(line)).toBeNull();
  });

  it('keeps numbered task lines that mention 扫码 or 二维码', () => {
    expect(chromeReason('（五）全面推行“扫码办事”。')).toBeNull();
    expect(chromeReason('（三）推广政务服务二维码公示。')).toBeNull();
  });

  it('keeps a short task line that happens to hold two “spam” words', () => {
    expect(chromeReason('（六）加快超高清视频产业发展，扩大国产设备应用。')).toBeNull();
  });
});

describe('clean()', () => {
  it('drops chrome, keeps notice lines, and points at the input lines', () => {
    const text = ['您当前所在位置：首页 > 通知公告', '', '关于做好政务公开工作的通知', '访问量：12', '一、加强组织领导'].join('\r\n');
    const doc = clean(decoded(text));
    expect(doc.lines).toEqual([
      { text: '关于做好政务公开工作的通知', line: 3 },
      { text: '一、加强组织领导', line: 5 },
    ]);
    expect(doc.file.dropped).toEqual([
      { text: '您当前所在位置：首页>通知公告', reason: 'breadcrumb', line: 1 },
      { text: '访问量：12', reason: 'page counter', line: 4 },
    ]);
  });

  it('reads the disclosure metadata into metaHints: docNumber, issuer, date', () => {
    const doc = clean(decoded(['文号： 绍政办发 〔2021〕 9号', '发文机关：绍兴市人民政府办公室', '成文日期：2021年3月8日', '一、加强政策解读'].join('\n')));
    expect(doc.file.metaHints).toEqual({ docNumber: '绍政办发〔2021〕9号', issuer: '绍兴市人民政府办公室', date: '2021年3月8日' });
    expect(doc.file.dropped.map((d) => d.reason)).toEqual(['disclosure metadata', 'disclosure metadata', 'disclosure metadata']);
  });

  it('takes no meta hint from a page’s 发布机构 or 发布日期: the publisher and publishing time are not the issuer and signing date', () => {
    const doc = clean(decoded(['关于印发遂宁市2022年政务公开工作要点的通知', '发布机构：遂宁市人民政府办公室', '发布日期：2022-03-25', '一、加强政策解读']));
    expect(doc.file.metaHints).toEqual({});
    expect(doc.file.dropped.map((d) => d.reason)).toEqual(['disclosure metadata', 'disclosure metadata']);
  });

  it('metadataOf ignores a 文号 line that holds no document number', () => {
    expect(metadataOf('文号：无')).toEqual({});
    expect(metadataOf('发文字号：湘政办函〔2019〕71号')).toEqual({ docNumber: '湘政办函〔2019〕71号' });
  });

  it('tells whether any line holds a “|”, so that later stages look for table rows only then', () => {
    expect(clean(decoded('一、加强政策解读\n1.做好解读（县政府办负责）。')).pipes).toBe(false);
    expect(clean(decoded('序号 | 工作任务 | 责任单位 |\n1 | 做好解读 | 县政府办 |')).pipes).toBe(true);
    // Rows the cleaning makes of tab-separated cells hold them too.
    expect(clean(decoded('序号\t工作任务\t责任单位\n1\t做好解读\t县政府办\n2\t做好回应\t县信访局')).pipes).toBe(true);
  });

  it('keeps the metaHints the reader supplied', () => {
    const doc = clean(decoded('一、加强政策解读', { metaHints: { title: '株洲市2020年政务公开工作要点' } }));
    expect(doc.file.metaHints).toEqual({ title: '株洲市2020年政务公开工作要点' });
  });
});

describe('mojibake', () => {
  it('finds a garbage run with a little context', () => {
    expect(findMojibake('推进政务锟斤拷公开工作')).toBe('推进政务锟斤拷公开工作');
    expect(findMojibake('加强政务公开\ufffd标准化建设')).toBe('政务公开\ufffd标准化建');
    expect(findMojibake('各地各部门?要加强')).toBe('地各部门?要加强');
  });

  it('finds nothing in sound text', () => {
    expect(findMojibake('加强政务公开标准化规范化建设，1,000条？')).toBeNull();
  });

  it('keeps the garbled line and reports it as a warning with its line', () => {
    const doc = clean(decoded('一、加强政策解读\n（一）推进政务锟斤拷公开工作。'));
    expect(doc.lines.map((l) => l.text)).toEqual(['一、加强政策解读', '（一）推进政务锟斤拷公开工作。']);
    expect(doc.file.warnings).toEqual([{ code: 'mojibake', message: 'garbled text “推进政务锟斤拷公开工作”', line: 2 }]);
  });
});

describe('tables copied with tabs between their cells, and tabs in prose', () => {
  it('writes a run of tab-separated lines as pipe rows, empty cells kept, blank and pipe lines between them allowed', () => {
    expect(cleanedTexts('二、工作任务\n序号\t工作任务\t责任单位\t完成时限\n1\t做好政策解读\t\t年底前\n|\n2\t做好舆情回应\t县政府办\n')).toEqual([
      '二、工作任务',
      '序号|工作任务|责任单位|完成时限|',
      '1 |做好政策解读| |年底前|',
      '|',
      '2 |做好舆情回应|县政府办|',
    ]);
  });

  it('leaves a lone line with a tab in it, and tabs that only indent, as white space', () => {
    expect(cleanedTexts('\t一、加强政策解读。\n县政府办公室\t2024年3月1日\n各部门要抓好落实。')).toEqual(['一、加强政策解读。', '县政府办公室2024年3月1日', '各部门要抓好落实。']);
  });

  it('keeps a heading row whose other cells were left empty in the run of rows', () => {
    expect(cleanedTexts('序号\t工作任务\t责任单位\n一、推进决策公开\t\t\n1\t公开决策目录\t县司法局\n2\t做好解读\t县政府办')).toEqual([
      '序号|工作任务|责任单位|',
      '一、推进决策公开|',
      '1 |公开决策目录|县司法局|',
      '2 |做好解读|县政府办|',
    ]);
  });

  it('goes on with a run of rows after a numbered heading row that lost its tabs, the heading a line of its own', () => {
    expect(cleanedTexts('序号\t工作任务\t责任单位\n一、推进决策公开\n1\t公开决策目录\t县司法局\n二、加强政策解读\n2\t做好解读\t县政府办')).toEqual([
      '序号|工作任务|责任单位|',
      '一、推进决策公开',
      '1 |公开决策目录|县司法局|',
      '二、加强政策解读',
      '2 |做好解读|县政府办|',
    ]);
  });

  it('makes no run of two lines with a tab set apart by a heading, nor of a heading and a sentence', () => {
    expect(cleanedTexts('县政府办公室\t2024年3月1日\n一、加强政策解读\n县财政局\t2024年3月2日')).toEqual(['县政府办公室2024年3月1日', '一、加强政策解读', '县财政局2024年3月2日']);
    expect(cleanedTexts('序号\t工作任务\t责任单位\n（一）公开决策目录。各部门要抓好落实。\n1\t公开决策目录\t县司法局')).toEqual([
      '序号工作任务责任单位',
      '（一）公开决策目录。各部门要抓好落实。',
      '1公开决策目录县司法局',
    ]);
  });

  it('leaves lines that end in tabs, outside a run of rows, as text', () => {
    expect(cleanedTexts('一、推进决策公开\t\t\n（一）公开决策目录。\t')).toEqual(['一、推进决策公开', '（一）公开决策目录。']);
  });

  it('reads a tab after an item’s numbering, or before its unit clause, as white space', () => {
    expect(cleanedTexts('一、\t推进决策公开\n（一）\t公开决策目录。\t（县司法局负责）\n（二）做好解读。\t（县政府办负责）\n1.\t做好年报。')).toEqual([
      '一、推进决策公开',
      '（一）公开决策目录。（县司法局负责）',
      '（二）做好解读。（县政府办负责）',
      '1.做好年报。',
    ]);
  });

  it('still reads rows whose first cell is a 序号, or with more cells than a marker, a sentence and a clause', () => {
    expect(cleanedTexts('1\t公开决策目录\n2\t做好解读\n1.\t公开决策目录\t县司法局\t年底前\n2.\t做好解读\t县政府办\t（持续推进）')).toEqual([
      '1 |公开决策目录|',
      '2 |做好解读|',
      '1. |公开决策目录|县司法局|年底前|',
      '2. |做好解读|县政府办|（持续推进）|',
    ]);
  });
});

describe('full-width digits and letters', () => {
  it('are written half-width, the Chinese punctuation beside them kept', () => {
    expect(cleanLine('１．２０２１年３月底前完成ＡＰＰ改版，（２）做好解读。')).toBe('1．2021年3月底前完成APP改版，（2）做好解读。');
  });

  it('drop a disclosure list numbered （1） （2） like one numbered 1. 2.', () => {
    expect(cleanedTexts('（1） [索引号]11A000/ZK-2024-000030\n（2） [发文字号] 东政办发〔2024〕1号\n一、工作任务')).toEqual(['一、工作任务']);
  });
});

describe('a heading whose numeral a space sets apart', () => {
  it('keeps its numeral a marker: 一 工作目标 → 一、工作目标', () => {
    expect(cleanLine('一 工作目标')).toBe('一、工作目标');
    expect(cleanLine('\u3000\u3000三\u3000保障措施')).toBe('三、保障措施');
    expect(cleanLine('一 做好财政信息公开。 | 1.推进预算公开。 | 财务科 |')).toBe('一、做好财政信息公开。| 1.推进预算公开。|财务科|');
  });

  it('leaves a sentence, a long line and 一 是 as they were', () => {
    expect(cleanLine('一 是加强领导')).toBe('一是加强领导');
    expect(cleanLine('一 要加强组织领导，明确责任分工。')).toBe('一要加强组织领导，明确责任分工。');
  });
});

