// How offices publish a notice, for the fixture scripts and the corpus measurement: printed to PDF
// by headless Chromium (A4, 仿宋-like serif body, a running header and a — n — footer), saved as a
// Word 97–2003 file by headless LibreOffice.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The article of a seed page (fixtures/html/seeds): the first TRS_Editor block, without its style element. */
export function articleOf(page) {
  const start = page.indexOf('<div class="TRS_Editor">');
  const end = page.indexOf('\n</div>', start);
  if (start < 0 || end < 0) throw new Error('no TRS_Editor block in the seed page');
  return page.slice(start, end).replace(/^<div class="TRS_Editor">/, '').replace(/<style[\s\S]*?<\/style>/, '');
}

/** The seed pages: [name, page HTML, title] for each fixtures/html/seeds/<name>.trs.html. */
export const seedPages = (seeds) =>
  readdirSync(seeds)
    .filter((f) => f.endsWith('.trs.html'))
    .sort()
    .map((file) => {
      const name = basename(file, '.trs.html');
      const page = readFileSync(join(seeds, file), 'utf8');
      return [name, page, page.match(/<title>([^_<]*)/)?.[1] ?? name];
    });

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const PIPE_ROW = /\S\s*\|\s*\S/;
const cellsOf = (line) => line.replace(/\|\s*$/, '').split('|').map((cell) => cell.trim());

/**
 * A plain-text notice as the body of a page: each line a paragraph, and a run of pipe rows of two
 * cells or more (`cell | cell |`, as text and the corpus write tables) a ruled table, a row per
 * line; a bare `|` line within the run (an empty row) is left out. A table flattened to a cell a
 * line stays lines: what it was is not in the text.
 */
export function textBody(text) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim());
  const parts = [];
  for (let i = 0; i < lines.length; ) {
    if (!PIPE_ROW.test(lines[i])) {
      parts.push(`<p>${escapeHtml(lines[i++].trim())}</p>`);
      continue;
    }
    const rows = [];
    for (; i < lines.length && (PIPE_ROW.test(lines[i]) || (lines[i].trim() === '|' && PIPE_ROW.test(lines[i + 1] ?? ''))); i++) {
      if (PIPE_ROW.test(lines[i])) rows.push(`<tr>${cellsOf(lines[i]).map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`);
    }
    parts.push(`<table>${rows.join('')}</table>`);
  }
  return parts.join('\n');
}

/** A printable page: A4, a running header, a — n — page number footer. */
export const printPage = (header, body) => `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 30mm 26mm 28mm 28mm;
  @top-center { content: "${header.replace(/["\\]/g, '')}"; font: 10pt "Noto Serif CJK SC"; color: #555; }
  @bottom-center { content: "— " counter(page) " —"; font: 12pt "Noto Serif CJK SC"; } }
body { font: 15pt/1.7 "Noto Serif CJK SC", serif; }
p { margin: 0; text-indent: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; }
td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
td p { text-indent: 0; }
</style></head><body>
${body}
</body></html>`;

/** Prints a page to PDF with headless Chromium. */
export function printToPdf(html, pdf) {
  const work = mkdtempSync(join(tmpdir(), 'taizhang-pdf-'));
  try {
    const page = join(work, 'page.html');
    writeFileSync(page, html);
    execFileSync('chromium', [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--user-data-dir=${join(work, 'profile')}`, '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`, pathToFileURL(page).href,
    ], { stdio: 'ignore', timeout: 120_000 });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Saves documents (.html, .txt, .docx) as Word 97–2003 files in a folder with headless LibreOffice,
 * each named as its input with .doc. Web pages are opened by Writer (not Writer/Web), as a clerk
 * saving a page from the browser into Word would get them.
 */
export function saveAsDoc(inputs, outDir) {
  saveAs(inputs, outDir, 'doc:MS Word 97');
}

/** Converts documents with headless LibreOffice's --convert-to (TARGET: extension and filter). */
function saveAs(inputs, outDir, target) {
  const work = mkdtempSync(join(tmpdir(), 'taizhang-doc-'));
  try {
    const byFilter = new Map();
    for (const input of inputs) {
      const ext = extname(input).toLowerCase();
      const filter = ext === '.html' || ext === '.htm' ? 'HTML (StarWriter)' : ext === '.txt' ? 'Text (encoded):UTF8,LF,,' : '';
      byFilter.set(filter, [...(byFilter.get(filter) ?? []), input]);
    }
    for (const [filter, files] of byFilter) {
      execFileSync('soffice', [
        `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--norestore',
        ...(filter ? [`--infilter=${filter}`] : []), '--convert-to', target, '--outdir', outDir, ...files,
      ], { stdio: 'ignore', timeout: 600_000 });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Site pages in the layouts government portals use, to wrap a notice as a crawler finds it: a
 * header with the navigation, a breadcrumb, a side column, a disclosure table (索引号, 发布机构,
 * 文号 …), the title and a byline with a font bar, the article in one of the usual containers,
 * share and print buttons, related links, and a footer of 主办单位, 版权所有, ICP and 公网安备.
 * `variant` picks the layout (a notice's number, so that the layouts alternate over a corpus).
 */
export function sitePage(title, body, variant) {
  const site = ['某某市人民政府', '某某县人民政府网', '某某区政务公开网'][variant % 3];
  const container = ['<div class="TRS_Editor">', '<div id="zoom" class="article-content">', '<div class="pages_content"><div class="view TRS_UEDITOR">'][variant % 3];
  const containerEnd = variant % 3 === 2 ? '</div></div>' : '</div>';
  const links = (words) => words.map((word) => `<li><a href="/${encodeURIComponent(word)}/">${word}</a></li>`).join('');
  const disclosure = [['索引号', `11350000MB01${String(variant).padStart(4, '0')}/2024-00${variant % 9 + 1}`], ['主题分类', '综合政务/政务公开'], ['发布机构', `${site.replace(/网$/, '')}办公室`], ['生成日期', '2024-03-15'], ['文号', ''], ['有效性', '有效']];
  const table = `<table class="xxgk_table"><tbody>${[0, 2, 4].map((i) => `<tr><th>${disclosure[i][0]}：</th><td>${disclosure[i][1]}</td><th>${disclosure[i + 1][0]}：</th><td>${disclosure[i + 1][1]}</td></tr>`).join('')}</tbody></table>`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}_${site}</title>
<meta name="SiteName" content="${site}"><meta name="ColumnName" content="通知公告">
<link rel="stylesheet" href="/css/style.css"><script src="/js/jquery.min.js"></script></head>
<body><div class="top-bar"><span>欢迎访问${site}！</span><a href="/wza/">无障碍</a> <a href="/m/">手机版</a> <a href="/login">登录</a> | <a href="/reg">注册</a></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="${site}"></div>
<div class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div>
<ul class="nav">${links(['首页', '政务公开', '政务服务', '互动交流', '走进某某', '专题专栏'])}</ul></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>
<div class="main"><div class="side"><h3>政务公开</h3><ul>${links(['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报', '依申请公开'])}</ul></div>
<div class="content">${variant % 2 === 0 ? table : ''}
<h1 class="article-title">${escapeHtml(title)}</h1>
<div class="article-info"><span>发布时间：2024-03-15 10:${String(10 + (variant % 50)).padStart(2, '0')}</span> <span>来源：${site}办公室</span> <span>浏览次数：${1234 + variant}</span> <span>【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>
${container}
${body}
${containerEnd}
<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="related"><h3>相关链接</h3><ul>${links(['关于做好2024年春季森林防火工作的通知', '某某市2023年政府信息公开工作年度报告', '关于印发某某市优化营商环境若干措施的通知'])}</ul></div>
</div></div>
<div class="footer"><p>主办单位：${site.replace(/网$/, '')}办公室　承办单位：某某市大数据中心</p>
<p>版权所有：${site}　网站标识码：3501000${variant % 10}01　<a href="https://beian.miit.gov.cn">闽ICP备05000${variant % 10}01号</a>　<a>闽公网安备 3501020200${variant % 10}号</a></p>
<p>联系电话：0591-8700000${variant % 10}　技术支持：某某信息技术有限公司</p>
<p><img src="/images/dzjg.png" alt="党政机关"> <img src="/images/jiucuo.png" alt="政府网站找错"></p></div>
<script>var _hmt = _hmt || [];</script></body></html>`;
}

/**
 * Saves documents (.html, .txt) as Word 2007+ files (.docx) with headless LibreOffice, as saveAsDoc
 * does .doc files.
 */
export function saveAsDocx(inputs, outDir) {
  saveAs(inputs, outDir, 'docx:MS Word 2007 XML');
}
