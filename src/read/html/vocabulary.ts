// What government pages look like, kept as data: where the article sits, which elements are chrome,
// and which labels make a disclosure (metadata) block. (What a table's header cells mean is the
// the shared vocabulary's, src/vocabulary/columns.ts, so that reader and outline agree on task tables.)

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

/**
 * Class or id tokens of the element a page sets its article's title in (news-title, art_title,
 * articleTitle, bt, biaoti) when that title stands apart from the article's text.
 */
export const HEADING_TOKEN = /title|^(?:tit|bt|biaoti|dbt)$/i;
/** Elements that are headings whatever their class. */
export const HEADING_ELEMENTS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3']);
/** The page title above the article is this close to it: no more Han characters in between (its date, source, font bar). */
export const HEADING_MAX_GAP = 200;

/** Headings that open a block of links to other pages (相关链接 and the like). */
export const LINK_BLOCK_HEADING = /^(?:相关(?:链接|文件|文章|阅读|新闻|稿件|信息|附件)|延伸阅读|热点推荐|推荐阅读|友情链接)\s*[:：]?$/;

/** `<meta name=…>` tags that describe the article (not PubDate: when the site published it is no field of the notice). */
export const META_TAGS: readonly { name: string; field: DisclosureField }[] = [
  { name: 'ArticleTitle', field: 'title' },
  { name: 'ContentSource', field: 'issuer' },
];

export type MetaHints = Partial<Meta>;
