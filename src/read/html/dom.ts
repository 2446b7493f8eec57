// Small helpers over the domhandler tree that cheerio builds.

import { isTag, isText, type AnyNode, type Element } from 'domhandler';
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

/** All text under a node, comments excluded. */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node)) return '';
  let text = '';
  for (const child of node.children) text += textOf(child);
  return text;
}

/** Han characters under a node, and how many of them sit inside links. */
export function hanAndLinkHan(node: AnyNode, inLink = false): { han: number; linkHan: number } {
  if (isText(node)) {
    const han = countHan(node.data);
    return { han, linkHan: inLink ? han : 0 };
  }
  const total = { han: 0, linkHan: 0 };
  if (!isTag(node)) return total;
  const linked = inLink || node.name === 'a';
  for (const child of node.children) {
    const part = hanAndLinkHan(child, linked);
    total.han += part.han;
    total.linkHan += part.linkHan;
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
  const search = (node: AnyNode): boolean => isTag(node) && (node.name === 'table' || node.children.some(search));
  return table.children.some(search);
}
