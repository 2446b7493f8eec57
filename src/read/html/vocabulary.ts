// What government pages look like, kept as data: where the article sits, what is site chrome,
// and which labels make a disclosure (metadata) block. (What a table's header cells mean is the
// outline's vocabulary, src/table/columns.ts, so that reader and outline agree on task tables.)

import type { Meta } from '../../model.js';
import type { DisclosureField } from '../../vocabulary/disclosure.js';

/**
 * Article containers of the common government CMSs. The outermost match wins: a TRS_Editor pasted
 * inside a page's own container is part of the same article.
 */
export const ARTICLE_CONTAINERS: readonly string[] = [
  // TRS WCM
  '.TRS_Editor',
  '.trs_editor_view',
  '.TRS_UEDITOR',
  '.Custom_UnionStyle',
  // UCAP (gov.cn)
  '#UCAP-CONTENT',
  '.pages_content',
  // generic "zoomable text" boxes and 政府信息公开 detail pages
  '#zoom',
  '#Zoom',
  '.xxgk_detail_content',
  '.zfxxgk_zw_content',
  '#ivs_content',
  // WebPlus (博达), VSB (博达 vsb) and others
  '.wp_articlecontent',
  '.v_news_content',
  '#contentText',
  // NFRA (原银保监会) pages
  '#wenzhang-content',
  // the Fujian "trt" template and the Jiangxi 集约化 platform
  '.article_content',
  '.article-content',
];

/** Elements that never hold article text. */
export const NON_TEXT_ELEMENTS =
  'script, style, noscript, template, iframe, object, embed, svg, canvas, button, select, input, textarea, nav, aside, footer, map, link, meta, title, head';

/**
 * Class or id tokens (split on space, - and _) that mark site chrome: share bars, QR codes,
 * breadcrumbs, print/close/font-size bars, related-link boxes, headers and footers.
 */
export const CHROME_TOKEN =
  /^(?:.*share.*|qr(?:code)?|ewm\w*|erweima|wx?code|breadcrumbs?|crumbs?|location|position|dqwz|xglj|related|relnews|reldocuments|print|fontsize|zihao|toolbar|btns?|footer|foot|nav|navbar|menu|sidebar|copyright|banquan\w*|mianze|disclaimer|banner|tools?)$/i;

/** A chrome-marked element is dropped only when it is small or mostly links. */
export const CHROME_MAX_TEXT = 300;
export const CHROME_MIN_LINK_DENSITY = 0.5;

/** Headings that open a block of links to other pages (相关链接 and the like). */
export const LINK_BLOCK_HEADING = /^(?:相关(?:链接|文件|文章|阅读|新闻|稿件|信息|附件)|延伸阅读|热点推荐|推荐阅读)\s*[:：]?$/;

/** The buttons under an article. */
const PAGE_BUTTONS = '打印(?:本页|此页|本稿|本文)?|关闭(?:窗口|本页)?|收藏(?:本页)?|推荐|纠错|返回顶部|返回';

/** Lines that are site chrome wherever they appear (table cells excepted). Only short lines are tested. */
export const CHROME_LINE_MAX = 80;
export const CHROME_LINES: readonly RegExp[] = [
  /^(?:您|你)?(?:当前|现在)?(?:所在)?的?位置\s*[:：]/,
  /^当前位置/,
  /^[^>»›＞]{1,24}(?:(?:>>?|»|›|＞)[^>»›＞]{1,24}){2,}$/, // breadcrumbs: 首页 > 政务公开 > 通知公告
  /字体(?:显示)?\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中/,
  /字号\s*[:：]\s*[【\[]?\s*[大中小T]/,
  new RegExp(`^(?:[【\\[]?\\s*(?:${PAGE_BUTTONS})\\s*[】\\]]?\\s*)+$`), // 【打印本页】【关闭窗口】
  /^(?:【[^【】]{0,4}|[^【】]{0,4}】)$/, // a button split over two lines: 【推荐 / 】
  /^[（(]?责任编辑\s*[:：]/,
  /^(?:\[\d+\]\s*)+$/, // pagination: [1] [2] [3]
  /^(?:分享到|分享)\s*[:：]?/,
  /扫一扫|扫码(?:浏览|阅读|查看|关注|打开|分享)|二维码(?:分享|浏览|查看)|在手机上?(?:打开|查看|浏览)/,
  /^(?:来源|信息来源|文章来源|发布机构|发布时间|浏览次数|访问量|阅读次数|点击数|点击量|责任编辑|编辑|作者)\s*[:：]/,
  /\s(?:来源|信息来源|文章来源|发布时间|浏览次数|访问量|作者)\s*[:：]/, // 2005年08月16日 来源：新华网
  /^(?:https?:\/\/)?(?:[\w-]+\.)+[a-z]{2,}(?:\/\S*)?$/i, // a bare web address
  /版权所有|ICP备|ICP证|公安备案|网站标识码|网站识别码|技术支持\s*[:：]|^主办单位\s*[:：]/,
  /^(?:附件下载|文件下载|全真版|文字版)$/,
  /^(?:[a-z]{2,5}\s*)?下载(?:\s+[a-z]{2,5}\s*下载)*$/i, // pdf下载 word下载
  /^\S{1,80}\.(?:pdf|docx?|wps|xlsx?|et|ofd|zip|rar)$/i, // the file name of an attachment's download link
  /^(?:上一篇|下一篇)\s*[:：]/,
];

/** `<meta name=…>` tags that describe the article. */
export const META_TAGS: readonly { name: string; field: DisclosureField }[] = [
  { name: 'ArticleTitle', field: 'title' },
  { name: 'PubDate', field: 'pubDate' },
  { name: 'ContentSource', field: 'issuer' },
];

export type MetaHints = Partial<Meta>;
