import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { htmlToText, readHtml } from '../../src/read/html/index.js';
import { clean } from '../../src/clean/index.js';

const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');

/** A TRS page: the article in div.TRS_Editor, with the usual chrome around it. */
const trsPage = (article: string, head = '<meta charset="utf-8">') => `<!DOCTYPE html>
<html><head>${head}<title>某市政府</title><script>var s = "不是正文的脚本";</script><style>.a{}</style></head>
<body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>
<div class="location">您当前所在位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<div class="TRS_Editor">${article}</div>
<div class="share-bar">分享到：<a>微信</a><a>微博</a></div>
<div class="qrcode"><img src="qr.png"><p>扫一扫在手机打开当前页</p></div>
<div class="footer"><p>版权所有：某市人民政府　网站标识码：4400000001</p></div>
</body></html>`;

const linesOf = (html: string): string[] => htmlToText(html).text.split('\n');
const TASK_HEADER = '<tr><td>工作任务</td><td>具体要求</td><td>责任单位</td></tr>';

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no InputError was thrown');
}

describe('htmlToText: blocks become lines', () => {
  it('makes each <p>, <div>, <li> and <h1> a line, and <br> break lines', () => {
    const article = '<h1>标题</h1><p>第一段。</p><div>第二段。<br>第三段。</div><ul><li>甲项</li><li>乙项</li></ul>';
    expect(linesOf(trsPage(article))).toEqual(['标题', '第一段。', '第二段。', '第三段。', '甲项', '乙项']);
  });

  it('collapses &nbsp; runs, drops full-width indentation and the source’s line wraps between Chinese characters', () => {
    const article = '<p>　　（一）推进&nbsp;&nbsp;&nbsp;公开。</p><p>推进决策\n      公开工作。</p>';
    expect(linesOf(trsPage(article))).toEqual(['（一）推进 公开。', '推进决策公开工作。']);
  });

  it('keeps the numbers of Word lists (mso-list) and drops their padding', () => {
    const article = [
      `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>加强政策解读</p>`,
      `<p class="MsoListParagraph"><!--[if !supportLists]--><span style="mso-list:Ignore">一、<span>&nbsp;&nbsp;</span></span><!--[endif]-->深化公开</p>`,
    ].join('');
    expect(linesOf(trsPage(article))).toEqual(['1.加强政策解读', '一、深化公开']);
  });

  it('removes scripts, styles, navigation, breadcrumbs, share bars, QR codes and footers', () => {
    const text = htmlToText(trsPage('<p>正文一段。</p><script>document.write("脚本")</script><style>p{}</style>')).text;
    expect(text).toBe('正文一段。');
  });

  it('removes a 相关链接 block, and leaves chrome lines inside the article for the clean stage to drop with a reason', () => {
    const article = [
      '<p>正文一段。</p>',
      '<p>【字体：<a>大</a> <a>中</a> <a>小</a>】</p>',
      '<p>【打印本页】【关闭窗口】</p>',
      '<div class="xg"><h4>相关链接：</h4><ul><li><a href="/1">另一个通知</a></li><li><a href="/2">又一个通知</a></li></ul></div>',
    ].join('');
    const lines = linesOf(trsPage(article));
    expect(lines).toEqual(['正文一段。', '【字体：大中小】', '【打印本页】【关闭窗口】']);
    const cleaned = clean({ name: 'page.html', format: 'html', encoding: 'utf-8', text: lines.join('\n'), warnings: [] });
    expect(cleaned.lines.map((l) => l.text)).toEqual(['正文一段。']);
    expect(cleaned.file.dropped.map((d) => d.reason)).toEqual(['font and print bar', 'font and print bar']);
  });

  it('removes a 友情链接 box of links to other sites', () => {
    const page = `<body><div class="TRS_Editor"><p>一、加强政策解读，内容。</p></div><div class="links">友情链接：<a>国务院</a> <a>省政府</a> <a>市政府</a></div></body>`;
    expect(linesOf(page)).toEqual(['一、加强政策解读，内容。']);
  });
});

describe('htmlToText: finding the article', () => {
  it('counts nested containers once, from the outermost', () => {
    const html = '<body><div class="article_content"><h1>关于印发工作要点的通知</h1><div class="TRS_Editor"><p>正文第一段，内容。</p></div></div></body>';
    expect(linesOf(html)).toEqual(['关于印发工作要点的通知', '正文第一段，内容。']);
  });

  it('reads a body duplicated for PC and mobile once', () => {
    const body = '<p>一、加强政策解读。</p><p>二、回应社会关切。</p>';
    const html = `<body><div class="view TRS_UEDITOR">${body}</div><div class="m-view"><div class="TRS_UEDITOR">${body}</div></div></body>`;
    expect(linesOf(html)).toEqual(['一、加强政策解读。', '二、回应社会关切。']);
  });

  it('finds an article in an unknown CMS by its density of Chinese text, short paragraphs included', () => {
    const html = `<body>
      <div class="menu"><a href="/1">首页</a><a href="/2">机构概况</a><a href="/3">政务公开</a><a href="/4">办事服务</a><a href="/5">互动交流</a></div>
      <div class="left"><ul><li><a href="/a">通知公告一则</a></li><li><a href="/b">通知公告二则</a></li></ul></div>
      <div class="wenben">
        <p>各镇人民政府，区直各单位：</p>
        <p>现将有关事项通知如下，请认真贯彻落实，确保各项工作按期完成，取得实效。</p>
        <p>一、加强领导。</p>
        <p>各单位要明确分管领导，落实工作人员，细化工作方案，按时报送材料。</p>
        <p>二、按时报送。</p>
      </div>
      <div class="bottom"><p>地址：某区某路1号　电话：0000-1234567</p></div>
    </body>`;
    expect(linesOf(html)).toEqual([
      '各镇人民政府，区直各单位：',
      '现将有关事项通知如下，请认真贯彻落实，确保各项工作按期完成，取得实效。',
      '一、加强领导。',
      '各单位要明确分管领导，落实工作人员，细化工作方案，按时报送材料。',
      '二、按时报送。',
    ]);
  });
});

describe('htmlToText: tables', () => {
  it('writes a task table as rows, repeating rowspan cells in every row they cover', () => {
    const table = `<table>${TASK_HEADER}
      <tr><td rowspan="2">一、深化公开</td><td>（一）推进决策公开。</td><td rowspan="2">市财政局</td></tr>
      <tr><td>（二）推进执行公开。</td></tr></table>`;
    expect(linesOf(trsPage(table))).toEqual([
      '工作任务 | 具体要求 | 责任单位 |',
      '一、深化公开 | （一）推进决策公开。 | 市财政局 |',
      '一、深化公开 | （二）推进执行公开。 | 市财政局 |',
    ]);
  });

  it('writes a colspan cell’s text once, in its first column', () => {
    const table = `<table><tr><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>
      <tr><td>1.建立台账</td><td colspan="2">各单位</td></tr></table>`;
    expect(linesOf(trsPage(table))).toEqual(['工作任务 | 牵头单位 | 配合单位 |', '1.建立台账 | 各单位 |  |']);
  });

  it('writes a row of fewer cells than the table is wide as short as it is: the browser shifted its cells left', () => {
    const table = `<table><tr><td>序号</td><td>工作任务</td><td>细化分工</td><td>责任处室</td><td>完成时限</td></tr>
      <tr><td>1</td><td>做好疫情信息发布</td><td>发布权威信息</td><td>疾控处</td><td>长期推进</td></tr>
      <tr><td>2</td><td>做好疫苗接种信息公开</td><td>疾控处</td><td>长期推进</td></tr>
      <tr><td>3</td><td>清理规范性文件</td><td>公开目录</td><td>政法处</td><td></td></tr></table>`;
    expect(linesOf(trsPage(table)).slice(2)).toEqual(['2 | 做好疫苗接种信息公开 | 疾控处 | 长期推进 |', '3 | 清理规范性文件 | 公开目录 | 政法处 |  |']);
  });

  it('joins the paragraphs of one cell with U+2029', () => {
    const table = `<table>${TASK_HEADER}<tr><td>一、公开</td><td>（一）公开预算。</td><td><p>市财政局</p><p>市审计局<br>&nbsp;市税务局</p></td></tr></table>`;
    expect(linesOf(trsPage(table))[1]).toBe('一、公开 | （一）公开预算。 | 市财政局\u2029市审计局\u2029市税务局 |');
  });

  it('removes the padding of header cells', () => {
    const table = `<table><thead><tr><th>工&nbsp;&nbsp;作&nbsp;&nbsp;任&nbsp;&nbsp;务</th><th>责　任　单　位</th><th>工 作 要 求</th></tr></thead>
      <tbody><tr><td>1.做好解读</td><td>省直各部门</td><td>及时解读。</td></tr></tbody></table>`;
    expect(linesOf(trsPage(table))).toEqual(['工作任务 | 责任单位 | 工作要求 |', '1.做好解读 | 省直各部门 | 及时解读。 |']);
  });

  it('makes a row of one cell spanning the table a plain line', () => {
    const table = `<table><tr><td colspan="3">2019年工作要点分工表</td></tr>${TASK_HEADER}
      <tr><td colspan="3">一、强化政策解读</td></tr><tr><td colspan="3"><b>（一）</b>做好发布工作</td></tr>
      <tr><td>1.做好解读</td><td>及时。</td><td>各单位</td></tr></table>`;
    expect(linesOf(trsPage(table))).toEqual([
      '2019年工作要点分工表',
      '工作任务 | 具体要求 | 责任单位 |',
      '一、强化政策解读',
      '（一）做好发布工作',
      '1.做好解读 | 及时。 | 各单位 |',
    ]);
  });

  it('recognises the header of a traditional-Chinese gateway page', () => {
    const table = `<table><tr><td>工作任務</td><td>責任單位</td></tr><tr><td>（一）公開預算。</td><td>市財政局</td></tr></table>`;
    expect(linesOf(trsPage(table))).toEqual(['工作任務 | 責任單位 |', '（一）公開預算。 | 市財政局 |']);
  });

  it('takes the lower row of a two-row header (责任单位 over 牵头单位 | 配合单位)', () => {
    const table = `<table>
      <tr><td rowspan="2">工作任务</td><td colspan="2">责任单位</td></tr>
      <tr><td>牵头单位</td><td>配合单位</td></tr>
      <tr><td>1.编制目录</td><td>市政府办</td><td>各部门</td></tr></table>`;
    expect(linesOf(trsPage(table))).toEqual(['工作任务 | 牵头单位 | 配合单位 |', '1.编制目录 | 市政府办 | 各部门 |']);
  });

  it('clips spans past the table’s edge, and warns about them', () => {
    const table = `<table>${TASK_HEADER}<tr><td>一、公开</td><td>（一）公开。</td><td rowspan="9">各单位</td></tr>
      <tr><td colspan="40">二、监督</td></tr></table>`;
    const page = htmlToText(trsPage(table));
    expect(page.text.split('\n')).toEqual(['工作任务 | 具体要求 | 责任单位 |', '一、公开 | （一）公开。 | 各单位 |', '二、监督 |  | 各单位 |']);
    expect(page.warnings).toEqual([expect.objectContaining({ code: 'table-spans', message: expect.stringMatching(/past the table's edge/) })]);
  });

  it('survives impossible spans: not numbers, negative, overlapping', () => {
    const table = `<table>${TASK_HEADER}
      <tr><td rowspan="abc">一、公开</td><td colspan="-1">（一）公开。</td><td rowspan="2">各单位</td></tr>
      <tr><td>（二）监督。</td><td colspan="3">市政府办</td></tr></table>`;
    const page = htmlToText(trsPage(table));
    expect(page.text.split('\n')).toEqual([
      '工作任务 | 具体要求 | 责任单位 |',
      '一、公开 | （一）公开。 | 各单位 |',
      '（二）监督。 | 市政府办 | 各单位 |',
    ]);
    expect(page.warnings[0]!.message).toMatch(/not a positive number.*overlap|overlap.*not a positive number/);
  });

  it('reads a layout table’s cells as blocks, not rows', () => {
    const layout = `<table><tr><td><p>一、加强领导。</p></td><td><table><tr><td>各单位要明确责任。</td></tr></table></td></tr></table>
      <table><tr><td>二、按时报送。</td></tr><tr><td>各单位于月底前报送。</td></tr></table>`;
    expect(linesOf(trsPage(layout))).toEqual(['一、加强领导。', '各单位要明确责任。', '二、按时报送。', '各单位于月底前报送。']);
  });

  it('writes a data table that is no task table as rows too, for the outline to judge', () => {
    const table = '<table><tr><td>序号</td><td>当事人</td></tr><tr><td>1</td><td>某公司</td></tr></table>';
    expect(linesOf(trsPage(table))).toEqual(['序号 | 当事人 |', '1 | 某公司 |']);
  });
});

describe('htmlToText: meta hints', () => {
  const disclosure = `<table class="bd1">
    <tr><td><b>索 引 号：</b></td><td>000014349/2018-00207</td><td><b>主题分类：</b></td><td>政务公开</td></tr>
    <tr><td><b>发文机关：</b></td><td>某市人民政府办公室</td><td><b>成文日期：</b></td><td>2018年11月07日</td></tr>
    <tr><td><b>标&nbsp;&nbsp;&nbsp;&nbsp;题：</b></td><td colspan="3">关于印发某市2018年政务公开工作要点的通知</td></tr>
    <tr><td><b>发文字号：</b></td><td>某府办 〔2018〕 38号</td><td><b>发布日期：</b></td><td>2018年11月23日</td></tr></table>`;

  it('reads a disclosure table into metaHints and keeps it out of the text', () => {
    const page = htmlToText(`<body>${disclosure}<div id="UCAP-CONTENT"><p>正文一段，内容。</p></div></body>`);
    expect(page.metaHints).toEqual({
      noticeTitle: '关于印发某市2018年政务公开工作要点的通知',
      issuer: '某市人民政府办公室',
      docNumber: '某府办〔2018〕38号',
      date: '2018-11-07',
    });
    expect(page.text).toBe('正文一段，内容。');
  });

  it('reads a disclosure table inside the article container as metadata, not rows', () => {
    const page = htmlToText(`<body><div id="zoom">${disclosure}<p>正文一段，内容。</p></div></body>`);
    expect(page.text).toBe('正文一段，内容。');
    expect(page.metaHints.docNumber).toBe('某府办〔2018〕38号');
  });

  it('takes 文号：无 and a 文号 that is no document number for none', () => {
    for (const value of ['无', '—', '见附件']) {
      const table = `<table><tr><td>发文机关：</td><td>某市人民政府办公室</td><td>发文字号：</td><td>${value}</td></tr></table>`;
      expect(htmlToText(`<body>${table}<div id="zoom"><p>正文一段，内容。</p></div></body>`).metaHints).toEqual({ issuer: '某市人民政府办公室' });
    }
  });

  it('reads <meta name=ArticleTitle|ContentSource>, and takes no date from PubDate (when the site published it, §4)', () => {
    const head = '<meta charset="utf-8"><meta name="ArticleTitle" content="某市2020年政务公开工作要点"><meta name="PubDate" content="2020-06-08 08:53"><meta name="ContentSource" content="某市人民政府办公室">';
    expect(htmlToText(trsPage('<p>正文一段。</p>', head)).metaHints).toEqual({ title: '某市2020年政务公开工作要点', issuer: '某市人民政府办公室' });
  });

  it('reads label/value pairs set side by side in one block of <span>s', () => {
    const info = '<div class="info"><span>索引号：</span><span>000014349/2022-00087</span> <span>发布机构：</span><span>某市人民政府办公室</span><span>成文日期：</span><span>2022-05-16</span><span>发文字号：</span><span>某政办〔2022〕21号</span></div>';
    expect(htmlToText(`<body>${info}<div id="zoom"><p>正文一段，内容。</p></div></body>`).metaHints).toEqual({ docNumber: '某政办〔2022〕21号', date: '2022-05-16' });
  });

  it('reads a label in an element of its own, with no colon, and its value in the next element', () => {
    const list = '<ul><li><span>索引号</span><span>QT-2023-0101</span></li><li><span>发文字号</span> <span>某政办发〔2023〕11号</span></li></ul><dl><dt>成文日期</dt><dd>2023-05-12</dd></dl>';
    expect(htmlToText(`<body>${list}<div id="zoom"><p>正文一段，内容。</p></div></body>`).metaHints).toEqual({ docNumber: '某政办发〔2023〕11号', date: '2023-05-12' });
    // A data table's 名称 column is no label of the page: its cells are not read this way.
    const table = '<table><tr><td>序号</td><td>名称</td><td>数量</td></tr><tr><td>1</td><td>某设备</td><td>2</td></tr></table>';
    expect(htmlToText(`<body><div id="zoom"><p>正文一段，内容。</p>${table}</div></body>`).metaHints).toEqual({});
  });

  it('reads no pairs from a paragraph that does not open with a label (a sentence citing 文号：)', () => {
    const article = '<p>请各单位按原通知（文号：某政办〔2021〕3号）执行。</p>';
    expect(htmlToText(`<body><div id="zoom">${article}</div></body>`).metaHints).toEqual({});
  });

  it('takes the title a page sets above its article, apart from it, for the field it fits', () => {
    const page = (heading: string) => `<body><div class="crumbs"><a>首页</a> &gt; <a>政务公开</a></div>${heading}
      <div class="info">发布时间：2022-05-18　来源：市政府办公室　【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
      <div id="zoom"><p>各县（市、区）人民政府，市直各单位：</p><p>现将《某市2022年政务公开工作要点》印发给你们，请认真抓好落实。</p></div></body>`;
    expect(htmlToText(page('<h2>某市人民政府办公室关于印发某市2022年政务公开工作要点的通知</h2>')).metaHints).toEqual({
      noticeTitle: '某市人民政府办公室关于印发某市2022年政务公开工作要点的通知',
    });
    expect(htmlToText(page('<div class="news-title">某市2022年政务公开工作要点</div>')).metaHints).toEqual({ title: '某市2022年政务公开工作要点' });
    // A column's name is no title; nor is a list of links to other notices.
    expect(htmlToText(page('<h2>通知公告</h2>')).metaHints).toEqual({});
    expect(htmlToText(page('<h3 class="title"><a href="/1">某市2021年政务公开工作要点</a></h3>')).metaHints).toEqual({});
    // A part of the page, or a table's header row set as the heading, is no plan's title: it names no year or place.
    for (const heading of ['<h1>工作任务</h1>', '<h1>一、工作要点</h1>', '<h1>工作任务 | 具体要求 | 责任部门 |</h1>']) {
      expect(htmlToText(page(heading)).metaHints, heading).toEqual({});
    }
  });

  it('takes no heading far above the article, and lets the disclosure block’s title win', () => {
    const far = `<body><h1>某市2022年政务公开工作要点</h1><div class="box"><p>${'其他栏目的一段很长的介绍文字，'.repeat(20)}</p></div><div class="side-list">x</div>`;
    expect(htmlToText(`${far}<div id="zoom"><p>正文一段，内容。</p></div></body>`).metaHints).toEqual({});
    const titled = `<body><table><tr><td>标题：</td><td>关于印发某市2022年政务公开工作要点的通知</td><td>发文机关：</td><td>某市人民政府办公室</td></tr></table><h1>某市2022年政务公开工作要点</h1><div id="zoom"><p>正文一段，内容。</p></div></body>`;
    expect(htmlToText(titled).metaHints).toEqual({ noticeTitle: '关于印发某市2022年政务公开工作要点的通知', issuer: '某市人民政府办公室' });
  });

  it('prefers the signing date of the disclosure table to the publishing date of the <meta> tag', () => {
    const page = htmlToText(`<head><meta name="PubDate" content="2018-11-23 10:00"></head><body>${disclosure}<div class="TRS_Editor"><p>正文。</p></div></body>`);
    expect(page.metaHints.date).toBe('2018-11-07');
  });
});

describe('htmlToText: bad pages', () => {
  it('refuses an empty page', () => {
    expect(inputError(() => htmlToText('  \n ')).message).toBe('the page is empty');
  });

  it('refuses a page with no article', () => {
    const html = '<html><body><div class="nav"><a href="/">首页</a><a href="/a">政务公开</a></div><div class="footer">版权所有</div></body></html>';
    expect(inputError(() => htmlToText(html)).message).toBe('no article text found in the page');
  });

  it('reads a truncated page as far as it goes, with a warning', () => {
    const page = htmlToText('<html><body><div class="TRS_Editor"><p>一、加强领导。</p><p>二、按时报');
    expect(page.text).toBe('一、加强领导。\n二、按时报');
    expect(page.warnings.map((w) => w.code)).toEqual(['truncated-html']);
  });
});

describe('readHtml: the page’s encoding', () => {
  const article = '<div class="TRS_Editor"><p>一、深化政务公开，加强政策解读。</p></div>';
  const read = (bytes: Uint8Array, contentType?: string) => readHtml(bytes, { name: 'page.html', contentType });

  it('decodes a GBK page that says so in <meta charset>', () => {
    const decoded = read(iconv.encode(`<html><head><meta charset="gbk"></head><body>${article}</body></html>`, 'gbk'));
    expect([decoded.format, decoded.encoding, decoded.text]).toEqual(['html', 'gbk', '一、深化政务公开，加强政策解读。']);
  });

  it('decodes a GB2312 page declared with http-equiv after a crawler’s wrapper', () => {
    const html = `<text id="42" encoding="gb2312"><html><head><title>x</title><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${article}</body></html></text>`;
    expect(read(iconv.encode(html, 'gbk')).text).toBe('一、深化政务公开，加强政策解读。');
  });

  it('decodes a traditional-Chinese gateway page in Big5', () => {
    const html = '<html><head><meta charset="big5"></head><body><div class="TRS_Editor"><p>一、深化政務公開，加強政策解讀。</p></div></body></html>';
    const decoded = read(iconv.encode(html, 'big5'));
    expect([decoded.encoding, decoded.text]).toEqual(['big5', '一、深化政務公開，加強政策解讀。']);
  });

  it('ignores a <meta charset> inside the body (Word pastes them there)', () => {
    const html = `<html><head><meta charset="utf-8"></head><body><div class="TRS_Editor"><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>一、深化政务公开，加强政策解读。</p></div></body></html>`;
    expect(read(new TextEncoder().encode(html)).encoding).toBe('utf-8');
  });

  it('ignores a body <meta charset> on a page whose head declares nothing', () => {
    const html = `<html><head><title>x</title></head><body><p>前言。</p><meta charset="gbk">${article}</body></html>`;
    expect(read(new TextEncoder().encode(html)).text).toContain('一、深化政务公开，加强政策解读。');
  });

  it('lets a byte-order mark win over <meta charset>', () => {
    const html = `<html><head><meta charset="gbk"></head><body>${article}</body></html>`;
    const decoded = read(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(html)]));
    expect([decoded.encoding, decoded.warnings]).toEqual(['utf-8', []]);
  });

  it('lets the HTTP charset win over <meta charset>', () => {
    const html = `<html><head><meta charset="utf-8"></head><body>${article}</body></html>`;
    expect(read(iconv.encode(html, 'gbk'), 'text/html; charset=GBK').encoding).toBe('gbk');
  });

  it('detects the encoding of a GBK page that claims iso-8859-1', () => {
    const decoded = read(iconv.encode(`<html><head><meta charset="iso-8859-1"></head><body>${article}</body></html>`, 'gbk'));
    expect([decoded.encoding, decoded.text, decoded.warnings.map((w) => w.code)]).toEqual(['gbk', '一、深化政务公开，加强政策解读。', ['charset-mismatch']]);
  });

  it('reads UTF-8 bytes as UTF-8 when a stale template declares gb2312, and says so', () => {
    const decoded = read(new TextEncoder().encode(`<html><head><meta charset="gb2312"></head><body>${article}</body></html>`));
    expect([decoded.encoding, decoded.text]).toEqual(['utf-8', '一、深化政务公开，加强政策解读。']);
    expect(decoded.warnings.map((w) => w.code)).toEqual(['charset-mismatch']);
  });
});
