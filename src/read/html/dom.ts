// Small helpers over the domhandler tree that cheerio builds.

import { hasChildren, isTag, isText, type AnyNode, type Element } from 'domhandler';
import { countHan } from './text.js';

/** Elements that start a new line. Table parts are handled by the table reader. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address', 'article', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  'body', 'html',
]);

export function isBlock(node: AnyNode): node is Element {
  return isTag(node) && BLOCK_ELEMENTS.has(node.name);
}

/**
 * The nodes under a node (itself first), in document order. Iterative: a page may nest deeper
 * than the call stack goes.
 */
export function* descendants(node: AnyNode): Generator<AnyNode> {
  const stack: AnyNode[] = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    yield next;
    if (hasChildren(next)) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
  }
}

/** All text under a node, comments excluded. */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  let text = '';
  for (const inner of descendants(node)) if (isText(inner)) text += inner.data;
  return text;
}

/** Han characters under a node, and how many of them sit inside links. */
export function hanAndLinkHan(node: AnyNode): { han: number; linkHan: number } {
  const total = { han: 0, linkHan: 0 };
  const stack: [AnyNode, boolean][] = [[node, false]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [current, inLink] = next;
    if (isText(current)) {
      const han = countHan(current.data);
      total.han += han;
      if (inLink) total.linkHan += han;
    } else if (isTag(current)) {
      const linked = inLink || current.name === 'a';
      for (const child of current.children) stack.push([child, linked]);
    }
  }
  return total;
}

export function linkDensity(node: AnyNode): number {
  const { han, linkHan } = hanAndLinkHan(node);
  return han ? linkHan / han : 0;
}

/** Class and id split into tokens: “article_qrcode_area” → article, qrcode, area. */
export function nameTokens(element: Element): string[] {
  return `${element.attribs['class'] ?? ''} ${element.attribs['id'] ?? ''}`.split(/[\s_-]+/).filter(Boolean);
}

export function isInlineHidden(element: Element): boolean {
  const style = element.attribs['style'];
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

export function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

export function spanAttribute(element: Element, name: 'rowspan' | 'colspan'): number | null {
  const raw = element.attribs[name];
  if (raw === undefined) return 1;
  const value = Number.parseInt(raw, 10);
  return Number.isFinite(value) ? value : null;
}

export function hasNestedTable(table: Element): boolean {
  for (const node of descendants(table)) if (node !== table && isTag(node) && node.name === 'table') return true;
  return false;
}
