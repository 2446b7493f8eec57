// A page's HTML → the plain lines the text pipeline reads, plus meta hints and warnings.

import { load } from 'cheerio';
import { InputError } from '../../errors.js';
import type { LineSource, Warning } from '../../model.js';
import { MAX_HTML_DEPTH, MAX_HTML_TAG_BYTES } from '../../limits.js';
import { articleRoots, containerMatches, headingBefore, stripChrome } from './article.js';
import { flattenHtml } from './flatten.js';
import { articleLines } from './lines.js';
import { isPageTitle, pageMetaHints, withPageHeading } from './meta.js';
import type { MetaHints } from './vocabulary.js';

export interface PageText {
  text: string;
  /** Where each line of the text stands in the page or document. */
  lineSources: LineSource[];
  metaHints: MetaHints;
  warnings: Warning[];
}

export interface HtmlToTextOptions {
  /**
   * 'page' (default): a web page — find the article, drop the chrome.
   * 'document': the whole body is the text (HTML made from a Word file).
   */
  kind?: 'page' | 'document';
}


const warning = (code: string, message: string): Warning => ({ code, message, line: null });

const NO_TEXT = { page: 'no article text found in the page', document: 'the document holds no text' } as const;

/**
 * The article of a page as lines: one per block, one per table row (`a | b | c |`, see
 * tableRowLines). Throws InputError when the page is empty or holds no article.
 */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): PageText {
  const kind = options.kind ?? 'page';
  if (!html.trim()) throw new InputError(kind === 'page' ? 'the page is empty' : NO_TEXT.document);
  const flat = flattenHtml(html);
  const $ = load(flat.html);
  const disclosed = pageMetaHints($);
  const containers = kind === 'page' ? containerMatches($) : [];
  if (kind === 'page') stripChrome($, containers);
  const roots = kind === 'page' ? articleRoots($, containers) : [$('body')[0]!];
  if (!roots.length) throw new InputError(NO_TEXT[kind]);
  // A page may set the title above the article, outside the text read.
  const metaHints = kind === 'page' ? withPageHeading(disclosed, headingBefore(roots[0]!, isPageTitle)) : disclosed;

  const warnings: Warning[] = [];
  if (/<html[\s>]/i.test(html) && !/<\/html\s*>/i.test(html)) {
    warnings.push(warning('truncated-html', 'the page ends before </html>; its text may be incomplete'));
  }
  if (flat.dropped > 0) warnings.push(warning('deep-html', `elements nested deeper than ${MAX_HTML_DEPTH} were flattened (${flat.dropped} start tags left out)`));
  if (flat.shortened > 0) warnings.push(warning('long-tag', `${flat.shortened} tags longer than ${MAX_HTML_TAG_BYTES} bytes lost their attributes`));
  const lines: string[] = [];
  const lineSources: LineSource[] = [];
  const blocks = { count: 0 };
  const tables = { count: 0 };
  for (const root of roots) {
    const article = articleLines(root, blocks, tables);
    for (const line of article.lines) lines.push(line);
    for (const source of article.sources) lineSources.push(source);
    for (const problem of article.tableProblems) warnings.push(warning('table-spans', `a table's spans were repaired: ${problem}`));
  }
  if (!lines.length) throw new InputError(NO_TEXT[kind]);
  return { text: lines.join('\n'), lineSources, metaHints, warnings };
}
