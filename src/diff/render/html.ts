import { ROLE_LABELS, ROLES, unitNames } from '../../export/fields.js';
import type { Task } from '../../model.js';
import type { TextEdit } from '../edits.js';
import { CHANGE_KINDS, type ChangeKind, type DiffReport, type KindCounts, type TaskPair } from '../types.js';
import {
  detailLines,
  displayText,
  headline,
  KIND_LABELS,
  pairEdits,
  sectionLabel,
  sectionYear,
  sideLabel,
  signalsLabel,
  similarityLabel,
} from './describe.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

// One file, no external assets and no script: it opens the same from a mail attachment or a
// folder on a machine without network.
const STYLE = `
:root { --added: #1a7f37; --removed: #cf222e; --changed: #9a6700; --unchanged: #6e7781; --moved: #0969da;
  --units: #8250df; --deadlines: #bc4c00; --split: #1a7f37; --merged: #cf222e; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 2rem; font: 15px/1.7 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #1f2328; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
.sides { margin: 0; color: #57606a; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
.counts td, .counts th, .sections td.n, .sections th.n { text-align: right; }
.counts td { font-size: 1.3rem; font-weight: 600; }
td.zero { color: #afb8c1; }
.pairs { table-layout: fixed; }
.pairs col.kinds { width: 9rem; }
.badge { display: inline-block; margin: 0 .25rem .25rem 0; padding: 0 .45rem; border-radius: 1rem; color: #fff;
  font-size: .8rem; white-space: nowrap; }
${CHANGE_KINDS.map((kind) => `.badge.${kind} { background: var(--${kind}); }`).join('\n')}
.similarity, .meta { color: #57606a; font-size: .85rem; }
.id { font-weight: 600; }
.text { margin: .25rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
del { background: #ffebe9; color: #82071e; }
ins { background: #dafbe1; color: #116329; text-decoration: none; }
tr.unchanged td { color: #57606a; }
tr.added td.old, tr.removed td.new { background: #f6f8fa; }
.details { margin: .4rem 0 0; padding-left: 1.2rem; font-size: .9rem; }
`;

function badge(kind: ChangeKind, text: string = KIND_LABELS[kind]): string {
  return `<span class="badge ${kind}">${escapeHtml(text)}</span>`;
}

function countCells(counts: KindCounts): string {
  return CHANGE_KINDS.map((kind) => `<td class="n${counts[kind] === 0 ? ' zero' : ''}">${counts[kind]}</td>`).join('');
}

function kindHeaders(): string {
  return CHANGE_KINDS.map((kind) => `<th class="n">${badge(kind)}</th>`).join('');
}

function unitsLine(task: Task): string {
  const groups = ROLES.flatMap((role) => {
    const names = unitNames(task, role);
    return names.length === 0 ? [] : [`${ROLE_LABELS[role]}：${names.join('、')}`];
  });
  return groups.length === 0 ? '' : `<div class="meta">${escapeHtml(groups.join('；'))}</div>`;
}

/** A side's text: with that side's edits marked (deletions on the old, insertions on the new). */
function sideText(side: 'old' | 'new', task: Task, edits: readonly TextEdit[] | undefined): string {
  if (edits === undefined) return escapeHtml(displayText(task));
  const hidden = side === 'old' ? 'ins' : 'del';
  return edits
    .filter((edit) => edit.op !== hidden)
    .map(({ op, text }) => (op === 'same' ? escapeHtml(text) : `<${op}>${escapeHtml(text)}</${op}>`))
    .join('');
}

/** One side of a pair: its id and section, its text, its units. */
function sideCell(side: 'old' | 'new', task: Task | null, edits: readonly TextEdit[] | undefined, extra = ''): string {
  if (task === null) return `<td class="${side}"></td>`;
  const text = sideText(side, task, edits);
  const path = task.path.length === 0 ? '' : ` <span class="meta">${escapeHtml(task.path.join(' › '))}</span>`;
  return `<td class="${side}"><div class="id">${escapeHtml(task.id)}${path}</div><div class="text">${text}</div>${unitsLine(task)}${extra}</td>`;
}

function pairRow(pair: TaskPair): string {
  const edits = pairEdits(pair);
  const similarity =
    pair.old !== null && pair.new !== null
      ? `<div class="similarity">${escapeHtml(similarityLabel(pair))}</div><div class="similarity">${escapeHtml(signalsLabel(pair))}</div>`
      : '';
  const details = detailLines(pair);
  const detailList =
    details.length === 0
      ? ''
      : `<ul class="details">${details.map(({ kind, text }) => `<li>${badge(kind)}${escapeHtml(text)}</li>`).join('')}</ul>`;
  return [
    `<tr class="${pair.kinds.join(' ')}">`,
    `<td class="kinds">${pair.kinds.map((kind) => badge(kind)).join('')}${similarity}</td>`,
    sideCell('old', pair.old, edits),
    sideCell('new', pair.new, edits, detailList),
    '</tr>',
  ].join('');
}

/** A self-contained page: counts at the top, then the two years side by side, pair by pair. */
export function diffToHtml(report: DiffReport): string {
  const title = escapeHtml(headline(report));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${title}</h1>
<p class="sides">旧：${escapeHtml(sideLabel(report.old))}</p>
<p class="sides">新：${escapeHtml(sideLabel(report.new))}</p>
<p class="sides">相似度阈值 ${report.threshold}</p>
<h2>统计</h2>
<table class="counts"><tr>${kindHeaders()}</tr><tr>${countCells(report.counts)}</tr></table>
<h2>按章节</h2>
<table class="sections">
<tr><th>年份</th><th>章节</th>${kindHeaders()}</tr>
${report.sections.map((section) => `<tr><td>${sectionYear(section)}</td><td>${escapeHtml(sectionLabel(section.title))}</td>${countCells(section.counts)}</tr>`).join('\n')}
</table>
<h2>逐项对照</h2>
<table class="pairs">
<colgroup><col class="kinds"><col><col></colgroup>
<tr><th>变化</th><th>旧：${escapeHtml(report.old.title)}</th><th>新：${escapeHtml(report.new.title)}</th></tr>
${report.pairs.map(pairRow).join('\n')}
</table>
</body>
</html>
`;
}
