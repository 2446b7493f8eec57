import type { Ledger, Outline, OutlineNode, SourceLine } from '../model.js';
import { ISSUES_PLAN_TITLE } from '../vocabulary/disclosure.js';
import { FIRST_LEADS } from '../vocabulary/units.js';
import { metaOf } from './meta.js';
import { tasksOf } from './tasks.js';

/** The place name a region's units may start with: 盐城市 → 盐城. */
function placeStems(region: string | null): string[] {
  if (!region) return [];
  const stem = region.replace(/(省|自治区|市|自治州|州|盟|地区|自治县|县|旗|区)$/, '');
  return stem.length >= 2 ? [stem, region] : [region];
}

/** Whether any line of the outline passes the test (looked at in no particular order, none gathered). */
function anyLine(outline: Outline, test: (line: SourceLine) => boolean): boolean {
  const inNode = (node: OutlineNode): boolean => test(node.head) || node.body.some(test) || node.children.some(inNode);
  return outline.preamble.some(test) || outline.closing.some(test) || outline.file.dropped.some(test) || outline.roots.some(inNode);
}

/** The numbered tree → the ledger of schema taizhang/1. */
export function buildLedger(outline: Outline): Ledger {
  const meta = metaOf(outline);
  const { tasks, sections, warnings, lines } = tasksOf(outline, {
    planYear: meta.year,
    units: { ownPlaceStems: placeStems(meta.region), firstLeads: anyLine(outline, (line) => line.text.includes('牵头') && FIRST_LEADS.test(line.text)) },
    lineSources: outline.file.lineSources,
  });
  const { file } = outline;
  const allWarnings = [...file.warnings, ...warnings];
  if (outline.roots.length === 0) {
    // A notice that issues a plan (关于印发…的通知) whose text is an attachment not included is
    // still a notice, with its meta; any other text without numbered items is no work plan.
    const coverNotice = meta.noticeTitle !== null && ISSUES_PLAN_TITLE.test(meta.noticeTitle);
    allWarnings.push(
      coverNotice
        ? { code: 'cover-notice-only', message: 'a cover notice without numbered items: its plan may be in an attachment', line: null }
        : { code: 'no-numbered-items', message: 'no numbered items were found: this may not be a work-plan notice', line: null },
    );
  }
  return { schema: 'taizhang/1', source: file.source, meta, sections, tasks, warnings: allWarnings, dropped: file.dropped, lines };
}
