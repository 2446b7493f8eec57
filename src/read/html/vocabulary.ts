// What government pages look like, kept as data: where the article sits, what is site chrome,
// what a table's header cells mean, and which labels make a disclosure (metadata) block.

import type { Meta } from '../../model.js';

/**
 * Article containers of the common government CMSs, most specific first. The outermost match
 * wins (a pasted TRS_Editor inside a page's own container is part of the same article).
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
  /^(?:.*share.*|qr(?:code)?|ewm\w*|erweima|wx?code|breadcrumbs?|crumbs?|location|position|dqwz|xglj|related|relnews|reldocuments|print|fontsize|zihao|toolbar|btns?|footer|foot|navbar|menu|sidebar|copyright|banner|tools?)$/i;

/** A chrome-marked element is dropped only when it is small or mostly links. */
export const CHROME_MAX_TEXT = 300;
export const CHROME_MIN_LINK_DENSITY = 0.5;

/** Headings that open a block of links to other pages (相关链接 and the like). */
export const LINK_BLOCK_HEADING = /^(?:相关(?:链接|文件|文章|阅读|新闻|稿件|信息|附件)|延伸阅读|热点推荐|推荐阅读)\s*[:：]?$/;

/** Lines that are site chrome wherever they appear. Only short lines are tested. */
export const CHROME_LINE_MAX = 80;
export const CHROME_LINES: readonly RegExp[] = [
  /^(?:您|你)?(?:当前|现在)?(?:所在)?的?位置\s*[:：]/,
  /^当前位置/,
  /字体(?:显示)?\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中/,
  /字号\s*[:：]\s*[【\[]?\s*[大中小T]/,
  /^[【\[]?\s*(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|返回顶部|返回)\s*[】\]]?(?:\s*[【\[]?\s*(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|返回顶部|返回)\s*[】\]]?)*$/,
  /^(?:分享到|分享)\s*[:：]?/,
  /扫一扫|扫码|二维码/,
  /^(?:来源|信息来源|文章来源|发布机构|发布时间|浏览次数|访问量|阅读次数|点击数|点击量|责任编辑|编辑|作者|时间)\s*[:：]/,
  /版权所有|ICP备|ICP证|公安备案|网站标识码|网站识别码|技术支持\s*[:：]|^主办单位\s*[:：]/,
  /^(?:附件下载|文件下载|全真版|文字版)$/,
  /^(?:上一篇|下一篇)\s*[:：]/,
];

/** What a header cell of a task table means. Matched against the cell text without white space. */
export type ColumnMeaning = 'category' | 'task' | 'requirement' | 'lead' | 'responsible' | 'support' | 'deadline' | 'seq' | 'other';

export const HEADER_MEANINGS: readonly { pattern: RegExp; meaning: ColumnMeaning }[] = [
  { pattern: /^(?:序号|编号|序列)$/, meaning: 'seq' },
  { pattern: /^(?:类别|类型|分类|项目|领域|重点领域|工作类别|任务类别)$/, meaning: 'category' },
  { pattern: /^(?:工作)?(?:时限|完成时限|时限要求|完成时间|时间要求|进度安排|时间安排|完成期限|时间节点)$/, meaning: 'deadline' },
  { pattern: /牵头/, meaning: 'lead' },
  { pattern: /配合|协办|协同|参与/, meaning: 'support' },
  { pattern: /^(?:责任|主责|主办|承办|负责|指导|落实)(?:单位|部门|处室|科室|主体)$|^(?:责任|主责|主办)$/, meaning: 'responsible' },
  { pattern: /要求|措施|内容|细化分工|任务分解|分工|举措内容|工作目标|目标任务|主要内容|标准/, meaning: 'requirement' },
  { pattern: /任务|事项|改革举措|举措|工作$|^项目名称$/, meaning: 'task' },
];

/** Meanings that make a header row a task-table header: a unit or deadline column. */
export const TASK_TABLE_COLUMNS: ReadonlySet<ColumnMeaning> = new Set(['lead', 'responsible', 'support', 'deadline']);

/** Labels of a disclosure (政府信息公开) block and the meta field each fills. */
export type DisclosureField = 'issuer' | 'docNumber' | 'date' | 'pubDate' | 'title' | 'other';

export const DISCLOSURE_LABELS: readonly { labels: readonly string[]; field: DisclosureField }[] = [
  { labels: ['发文机关', '发文单位', '制发机关'], field: 'issuer' },
  { labels: ['发文字号', '文号'], field: 'docNumber' },
  { labels: ['成文日期', '发文日期', '印发日期'], field: 'date' },
  { labels: ['发布日期', '公开日期', '发布时间'], field: 'pubDate' },
  { labels: ['标题', '名称', '文件名称'], field: 'title' },
  {
    labels: ['索引号', '主题分类', '分类', '主题词', '体裁分类', '有效性', '生效日期', '废止日期', '公开方式', '公开范围', '信息来源', '发布机构', '组配分类', '服务对象'],
    field: 'other',
  },
];

/** `<meta name=…>` tags that describe the article. */
export const META_TAGS: readonly { name: string; field: DisclosureField }[] = [
  { name: 'ArticleTitle', field: 'title' },
  { name: 'PubDate', field: 'pubDate' },
  { name: 'ContentSource', field: 'issuer' },
];

/** A title that is the cover notice's own (关于印发…的通知) rather than the plan's. */
export const NOTICE_TITLE = /关于.+的(?:通知|通告|公告|意见|决定|批复|函|报告)$|^.+(?:通知|通告)$/;

export type MetaHints = Partial<Meta>;
