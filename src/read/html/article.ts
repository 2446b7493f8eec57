// Finding the article in a page: known CMS containers first, else the densest block of Chinese
// text; and removing the chrome around and inside it.

import type { CheerioAPI } from 'cheerio';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { contains, descendants, hanAndLinkHan, hasNestedTable, isBlock, isInlineHidden, linkDensity, nameTokens, textOf } from './dom.js';
import { collapseLine, countHan, squeeze } from './text.js';
import {
  ARTICLE_CONTAINERS,
  CHROME_MAX_TEXT,
  CHROME_MIN_LINK_DENSITY,
  CHROME_TOKEN,
  HEADING_ELEMENTS,
  HEADING_MAX_GAP,
  HEADING_TOKEN,
  LINK_BLOCK_HEADING,
  NON_TEXT_ELEMENTS,
} from './vocabulary.js';

/** A block of fewer Han characters than this is no article, however dense. */
const MIN_ARTICLE_HAN = 10;
/** Shorter paragraphs do not vote for their container (Readability uses 25 Latin characters). */
const MIN_PARAGRAPH_HAN = 8;
const HIDDEN_TOKEN = /^(?:hide|hidden)$/i;

export function containerMatches($: CheerioAPI): Element[] {
  return $(ARTICLE_CONTAINERS.join(', ')).toArray().filter(isTag);
}

/**
 * Remove what never belongs to an article: scripts, styles, forms, hidden elements, share bars,
 * QR codes, breadcrumbs, related-link boxes. An element that holds a known container is kept.
 */
export function stripChrome($: CheerioAPI, containers: Element[]): void {
  // The page itself (a <body style="display:none"> shown by a script) is never chrome.
  const holdsArticle = (element: Element): boolean =>
    element.name === 'body' || element.name === 'html' || containers.some((container) => contains(element, container));
  const remove = (elements: Element[]): void => {
    for (const element of elements) if (!holdsArticle(element)) $(element).remove();
  };
  remove($(NON_TEXT_ELEMENTS).toArray());
  remove($('[style], [class], [id]').toArray().filter((element) => isInlineHidden(element) || nameTokens(element).some((t) => HIDDEN_TOKEN.test(t))));
  remove($('[class], [id]').toArray().filter(isChromeBox));
  remove(linkBlocks($));
}

function isChromeBox(element: Element): boolean {
  if (!nameTokens(element).some((token) => CHROME_TOKEN.test(token))) return false;
  return countHan(textOf(element)) < CHROME_MAX_TEXT || linkDensity(element) >= CHROME_MIN_LINK_DENSITY;
}

/** 相关链接 and its links: the widest block around the heading that holds little else but links. */
function linkBlocks($: CheerioAPI): Element[] {
  const headings = [...descendants($.root()[0]!)]
    .filter((node) => isText(node) && node.parent !== null && isTag(node.parent) && LINK_BLOCK_HEADING.test(squeeze(node.data)))
    .map((node) => node.parent as Element);
  return headings.map((heading) => {
    const headingHan = countHan(textOf(heading));
    let block = heading;
    for (let parent = heading.parent; parent && isTag(parent) && parent.name !== 'body'; parent = parent.parent) {
      const { han, linkHan } = hanAndLinkHan(parent);
      if (han - linkHan - headingHan > MIN_PARAGRAPH_HAN) break;
      block = parent;
    }
    return block;
  });
}

/**
 * The article's root elements: the outermost known containers that hold text, each body once
 * (PC and mobile copies of the same text count once); else the densest block of Chinese text.
 */
export function articleRoots($: CheerioAPI, containers: Element[]): Element[] {
  const live = containers.filter((element) => contains($.root()[0]!, element));
  const outermost = live.filter((element) => !live.some((other) => other !== element && contains(other, element)));
  const withText = outermost.filter((element) => countHan(textOf(element)) > 0);
  if (withText.length) return distinctBodies(withText);
  const body = $('body')[0]!; // parse5 always builds <html><body>
  const densest = densestBlock(body);
  return densest ? [densest] : [];
}

/**
 * The title a page sets above its article, apart from it (an <h1>, a div.news-title), when its
 * text passes `isTitle`: the last such heading before the article, with no more than a date line,
 * a source line and a font bar between them. Links are no heading: a list of other articles is not.
 */
export function headingBefore(root: Element, isTitle: (text: string) => boolean): string | null {
  let page: AnyNode = root;
  while (page.parent) page = page.parent;
  let heading: string | null = null;
  /** Han characters read since the heading started (its own included, counted off at the start). */
  let gap = 0;
  for (const node of descendants(page)) {
    if (node === root) break;
    if (isText(node)) gap += countHan(node.data);
    else if (isTag(node) && isHeadingElement(node) && !contains(node, root) && linkDensity(node) < CHROME_MIN_LINK_DENSITY) {
      const text = collapseLine(textOf(node));
      if (!isTitle(text)) continue;
      heading = text;
      gap = -countHan(text);
    }
  }
  return heading !== null && gap <= HEADING_MAX_GAP ? heading : null;
}

function isHeadingElement(element: Element): boolean {
  return HEADING_ELEMENTS.has(element.name) || nameTokens(element).some((token) => HEADING_TOKEN.test(token));
}

function distinctBodies(elements: Element[]): Element[] {
  const prints = new Map(elements.map((element) => [element, squeeze(textOf(element))]));
  const bySize = [...elements].sort((a, b) => prints.get(b)!.length - prints.get(a)!.length);
  const kept: Element[] = [];
  for (const element of bySize) if (!kept.some((k) => prints.get(k)!.includes(prints.get(element)!))) kept.push(element);
  return elements.filter((element) => kept.includes(element));
}

// ---- text density, tuned for Chinese ----

interface OwnText {
  han: number;
  linkHan: number;
  stops: number;
}

const ROW_PARTS = new Set(['tr', 'tbody', 'thead', 'tfoot']);

function parentBlock(element: Element): Element | null {
  for (let parent = element.parent; parent; parent = parent.parent) {
    if (isBlock(parent) && !ROW_PARTS.has(parent.name)) return parent;
  }
  return null;
}

/**
 * Readability's scoring with Chinese measures: each paragraph (the text a block holds itself)
 * of at least a few Han characters scores 1 + its clauses (each ，。；、 in prose, each cell in a
 * table) + its length in 50-character steps, and gives that to the block around it and, decaying, to four more ancestors. The best
 * block, discounted by its link density, is the article.
 */
function densestBlock(body: Element): Element | null {
  const own = new Map<Element, OwnText>();
  const entryOf = (block: Element): OwnText => {
    const entry = own.get(block) ?? { han: 0, linkHan: 0, stops: 0 };
    own.set(block, entry);
    return entry;
  };
  // A table without tables inside is one paragraph whose clauses are its cells; a table of
  // tables is a page grid, whose cells are blocks like any <div>.
  // Iterative: a page may nest deeper than the call stack goes.
  const stack: { node: AnyNode; block: Element; inLink: boolean; inDataTable: boolean }[] = [{ node: body, block: body, inLink: false, inDataTable: false }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, block, inLink, inDataTable } = next;
    if (isText(node)) {
      const entry = entryOf(block);
      const han = countHan(node.data);
      entry.han += han;
      if (inLink) entry.linkHan += han;
      else entry.stops += node.data.match(/[，。；、：！？]/g)?.length ?? 0;
      continue;
    }
    if (!isTag(node)) continue;
    const dataTable = inDataTable || (node.name === 'table' && !hasNestedTable(node));
    if (inDataTable && (node.name === 'td' || node.name === 'th') && countHan(textOf(node))) entryOf(block).stops += 1;
    const inner = !inDataTable && isBlock(node) && !ROW_PARTS.has(node.name) ? node : block;
    const linked = inLink || node.name === 'a';
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, block: inner, inLink: linked, inDataTable: dataTable });
  }

  const scores = new Map<Element, number>();
  for (const [block, text] of own) {
    const plain = text.han - text.linkHan;
    if (plain < MIN_PARAGRAPH_HAN || text.linkHan > plain) continue;
    const points = 1 + text.stops + Math.min(Math.floor(plain / 50), 3);
    let element = parentBlock(block);
    for (let level = 1; element && level <= 5; level++, element = parentBlock(element)) {
      scores.set(element, (scores.get(element) ?? 0) + points / (level === 1 ? 1 : level === 2 ? 2 : level * 3));
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    const final = score * (1 - linkDensity(element));
    if (final > bestScore) [best, bestScore] = [element, final];
  }
  if (!best || countHan(textOf(best)) < MIN_ARTICLE_HAN) return null;
  return tableShare(best) > TABLE_ARTICLE_SHARE ? widenToArticle(best, body) : best;
}

/** A block that is mostly a table is an attachment: the article is around it. */
const TABLE_ARTICLE_SHARE = 0.8;

function tableShare(block: Element): number {
  let inTables = 0;
  const stack: AnyNode[] = [block];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isTag(node)) continue;
    if (node.name === 'table' && !hasNestedTable(node)) inTables += countHan(textOf(node));
    else for (const child of node.children) stack.push(child);
  }
  return inTables / Math.max(1, countHan(textOf(block)));
}

/**
 * A table (with the block around it) wins the scoring without the cover letter that introduces
 * it: take in the enclosing blocks as long as what they add is plain text, not links, and no
 * more than half of what the table holds.
 */
function widenToArticle(block: Element, body: Element): Element {
  let article = block;
  const inner = hanAndLinkHan(block);
  for (let parent = parentBlock(block); parent && parent !== body; parent = parentBlock(parent)) {
    const outer = hanAndLinkHan(parent);
    const addedHan = outer.han - inner.han;
    const addedLinks = outer.linkHan - inner.linkHan;
    if (addedHan * 2 > inner.han || addedLinks * 2 > addedHan) break;
    article = parent;
  }
  return article;
}
