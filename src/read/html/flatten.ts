// Markup no notice needs and that makes HTML parsing slow beyond measure, taken out before the
// parser sees it: parse5 looks through the stack of open elements for each tag (nesting 200,000
// deep is hours) and through the attributes so far for each attribute (500,000 on one tag).
// One linear pass; the page is copied only when there is something to take out. A page of more
// elements than any notice has is refused here, before the parser builds them.

import { InputError } from '../../errors.js';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, MAX_HTML_TAG_BYTES } from '../../limits.js';

/** Elements with no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements closed by the next one of their kind (or their parent's end): they never nest deep. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rt', 'rp']);
/** Elements whose content is not markup: skipped to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'plaintext']);

const TAG_NAME = /^<(\/?)([a-zA-Z][^\s/>]*)/;

export interface Flattened {
  html: string;
  /** Start tags left out because they nested too deep, and tags cut short because they were too long. */
  dropped: number;
  shortened: number;
}

export function flattenHtml(html: string): Flattened {
  const pieces: string[] = [];
  let copiedTo = 0;
  let dropped = 0;
  let shortened = 0;
  const replace = (from: number, to: number, text: string) => {
    pieces.push(html.slice(copiedTo, from), text);
    copiedTo = to;
  };
  let depth = 0;
  /** Start tags left out, by name, whose end tags are to be left out too. */
  const unmatched = new Map<string, number>();
  // The next '>' from where the scan is, found once and reused: a page full of '<' and no '>'
  // would otherwise be searched to its end for every '<'.
  let close = -1;
  const closeAfter = (at: number): number => {
    if (close !== -1 && close > at) return close;
    if (close === -2) return -1;
    close = html.indexOf('>', at);
    if (close === -1) close = -2;
    return close < 0 ? -1 : close;
  };
  let lowerCase: string | undefined;
  let elements = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    if (html.startsWith('<!--', at)) {
      at = html.indexOf('-->', at + 4);
      if (at === -1) break;
      continue;
    }
    const match = TAG_NAME.exec(html.slice(at, at + 64));
    if (match === null) continue;
    const end = closeAfter(at);
    if (end === -1) break;
    const isEnd = match[1] === '/';
    if (!isEnd && ++elements > MAX_HTML_ELEMENTS) throw new InputError(`more than ${MAX_HTML_ELEMENTS.toLocaleString('en')} HTML elements: not a notice`);
    const name = match[2]!.toLowerCase();
    const nests = !VOID.has(name) && !SELF_CLOSING_SIBLINGS.has(name);
    let drop = false;
    if (isEnd) {
      const left = unmatched.get(name) ?? 0;
      if (left > 0) {
        unmatched.set(name, left - 1);
        drop = true;
      } else if (nests && depth > 0) depth--;
    } else if (nests && html[end - 1] !== '/') {
      if (depth >= MAX_HTML_DEPTH) {
        unmatched.set(name, (unmatched.get(name) ?? 0) + 1);
        drop = true;
        dropped++;
      } else depth++;
    }
    if (drop) replace(at, end + 1, '');
    else if (end - at > MAX_HTML_TAG_BYTES) {
      replace(at, end + 1, `<${isEnd ? '/' : ''}${name}>`);
      shortened++;
    }
    at = end;
    if (!isEnd && RAW_TEXT.has(name)) {
      lowerCase ??= html.toLowerCase();
      at = lowerCase.indexOf(`</${name}`, end);
      if (at === -1) break;
      at--;
    }
  }
  if (pieces.length === 0) return { html, dropped, shortened };
  pieces.push(html.slice(copiedTo));
  return { html: pieces.join(''), dropped, shortened };
}
