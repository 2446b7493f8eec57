// Meta fields a page supplies besides its text: the disclosure block (索引号, 发文机关, 发文字号,
// 成文日期, 标题) and <meta name="ArticleTitle|ContentSource">.

import type { CheerioAPI } from 'cheerio';
import { isTag, type Element } from 'domhandler';
import { textOf } from './dom.js';
import { disclosureLabel, ownRows } from './table.js';
import { collapseLine, isoDate, labelText } from './text.js';
import { matchMarker } from '../../vocabulary/markers.js';
import { META_TAGS, type MetaHints } from './vocabulary.js';
import { ALL_DISCLOSURE_LABELS, disclosedValue, isPlanTitleLine, NOTICE_TITLE, type DisclosureField } from '../../vocabulary/disclosure.js';

type Found = Partial<Record<DisclosureField, string>>;

/** Label/value pairs of disclosure tables (two or more label cells) and of `标签：值` list items. */
function disclosureValues($: CheerioAPI): Found {
  const found: Found = {};
  const note = (field: DisclosureField | null, raw: string): void => {
    const value = field === null ? null : disclosedValue(field, raw);
    if (field && value !== null && !(field in found)) found[field] = value;
  };
  for (const table of $('table').toArray()) {
    const rows = ownRows(table).map((tr) => tr.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th')));
    const labels = rows.flat().filter((cell) => disclosureLabel(textOf(cell)) !== null).length;
    if (labels < 2) continue;
    for (const cells of rows) {
      cells.forEach((cell, i) => {
        const next = cells[i + 1];
        const field = disclosureLabel(textOf(cell));
        if (field && next && disclosureLabel(textOf(next)) === null) note(field, collapseLine(textOf(next)));
      });
    }
  }
  for (const item of $('li, p, dd, div').toArray()) {
    if (item.children.some((child) => isTag(child) && ['li', 'p', 'div', 'table', 'ul'].includes(child.name))) continue;
    const text = collapseLine(textOf(item));
    if (text.length > 150) continue;
    const colon = text.search(/[:：]/);
    // A line that opens with a label: its further pairs are labelled too.
    if (colon < 0 || disclosureLabel(text.slice(0, colon)) === null) continue;
    for (const pair of labelledPairs(text)) {
      const at = pair.search(/[:：]/);
      note(disclosureLabel(pair.slice(0, at)), collapseLine(pair.slice(at + 1)));
    }
  }
  // A label in an element of its own with its value in the next (<span>发文字号</span><span>…</span>,
  // <dt>…</dt><dd>…</dd>); a table's cells were read above.
  for (const label of $('span, dt, b, strong, em, label, div').toArray()) {
    if (label.children.some(isTag)) continue;
    const field = disclosureLabel(textOf(label));
    const value = nextElement(label);
    if (field === null || !value) continue;
    const text = collapseLine(textOf(value));
    if (text.length <= 150 && disclosureLabel(text) === null) note(field, text);
  }
  return found;
}

/** The element after an element, past white space between them. */
function nextElement(element: Element): Element | null {
  for (let next = element.nextSibling; next; next = next.nextSibling) {
    if (isTag(next)) return next;
    if (textOf(next).trim()) return null;
  }
  return null;
}

/** Disclosure labels in a line, leftmost first (so 主题分类 is found whole, not as 分类). */
const LABEL_IN_LINE = new RegExp(`(?:${ALL_DISCLOSURE_LABELS.join('|')})[:：]`, 'g');

/**
 * The `label：value` pairs of a line that opens with a label: one, or several set side by side
 * (索引号：… 发布机构：… 发文字号：… in one block of <span>s). Each pair holds its colon.
 */
function labelledPairs(text: string): string[] {
  const starts = [...text.matchAll(LABEL_IN_LINE)].map((m) => m.index).filter((at) => at > 0);
  return [0, ...starts].map((at, i) => text.slice(at, starts[i]));
}

function metaTagValues($: CheerioAPI): Found {
  const found: Found = {};
  for (const { name, field } of META_TAGS) {
    const content = $('meta')
      .toArray()
      .find((meta) => meta.attribs['name']?.toLowerCase() === name.toLowerCase())?.attribs['content'];
    if (content?.trim()) found[field] = collapseLine(content);
  }
  return found;
}

/**
 * The disclosure block first, then the <meta> tags. Only a signing date (成文日期) is the notice's
 * date: the page's publishing date is when the site put it up (contract §4).
 */
export function pageMetaHints($: CheerioAPI): MetaHints {
  const disclosed = disclosureValues($);
  const tagged = metaTagValues($);
  const hints: MetaHints = {};
  const title = disclosed.title ?? tagged.title;
  if (title) hints[NOTICE_TITLE.test(title) ? 'noticeTitle' : 'title'] = title;
  const issuer = disclosed.issuer ?? tagged.issuer;
  if (issuer) hints.issuer = issuer;
  if (disclosed.docNumber) hints.docNumber = disclosed.docNumber;
  const date = disclosed.date ? isoDate(disclosed.date) : null;
  if (date) hints.date = date;
  return hints;
}

/**
 * A page heading that is the notice's or the plan's title: a plan's names its year or place (a
 * heading 工作任务 or 一、工作要点 names a part of a page, a table's header row is no title).
 */
export function isPageTitle(text: string): boolean {
  const title = labelText(text);
  if (title.includes('|') || matchMarker(title) !== null) return false;
  return NOTICE_TITLE.test(title) || (isPlanTitleLine(title) && PLAN_NAMES_ITS_OWN.test(title));
}
const PLAN_NAMES_ITS_OWN = /\d{4}|[省市县区州盟旗乡镇]/;

/**
 * The title a page sets above its article (headingBefore), for the field it fits, when the
 * disclosure block and the <meta> tags gave none.
 */
export function withPageHeading(hints: MetaHints, heading: string | null): MetaHints {
  if (heading === null || hints.title || hints.noticeTitle) return hints;
  const title = labelText(heading);
  return { ...hints, [NOTICE_TITLE.test(title) ? 'noticeTitle' : 'title']: title };
}
