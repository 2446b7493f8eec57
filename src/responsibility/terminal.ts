import { Chalk } from 'chalk';
import { ledgerTitle, ROLE_LABELS } from '../export/fields.js';
import { outlineOf } from '../export/terminal.js';
import type { ExportOptions } from '../export/types.js';
import { displayWidth, padEnd, padStart, shorten } from '../export/width.js';
import { type Match, matchesOf, roleCounts, tasksOfUnit, type UnitLedger } from './unit-ledger.js';
import { askedLabel, unitLabel } from './columns.js';
import type { UnitMatrix, UnitRow } from './matrix.js';

function roleTag(match: Match): string {
  return match.collective ? `集体·${ROLE_LABELS[match.role]}` : ROLE_LABELS[match.role];
}

/** The outline of `parse`, with the unit's role before each task and its counts at the top. */
export function unitLedgerOutline(ledger: UnitLedger, options: ExportOptions): string {
  const { units, roles } = ledger.query;
  // With one unit the role says it all; with several, whose role it is.
  const tag = units.length === 1 ? roleTag : (match: Match) => `${match.unit} ${roleTag(match)}`;
  return outlineOf(ledger, options, {
    headerLines: (paint) => [
      ...units.map((unit) => {
        const counts = roleCounts(tasksOfUnit(ledger, unit.name));
        return `${paint.bold(askedLabel(unit))}  牵头 ${counts.lead} · 负责 ${counts.responsible} · 配合 ${counts.support} · 集体 ${counts.collective}`;
      }),
      ...(roles === null ? [] : [paint.dim(`只列${roles.map((role) => ROLE_LABELS[role]).join('、')}`)]),
      ...ledger.renames.map((rename) => paint.dim(`更名 ${rename.name} → ${rename.canonical}`)),
    ],
    tag: (task) => matchesOf(task).map(tag).join('，'),
  });
}

const COUNTS = [
  ['lead', '牵头'],
  ['responsible', '负责'],
  ['support', '配合'],
  ['total', '合计'],
  ['collective', '集体'],
] as const;
// Long collective names (涉及……的相关单位) would push every count off the screen.
const MAX_NAME_WIDTH = 36;
const MIN_NOTES_WIDTH = 20;

/** Other names of the unit, and units that may be the same. */
function notes(row: UnitRow): string {
  const others = row.spellings.filter((name) => name !== row.unit);
  return [
    others.length > 0 ? `写作 ${others.join('、')}` : '',
    row.mayBeSame.length > 0 ? `或即 ${row.mayBeSame.join('、')}` : '',
  ]
    .filter(Boolean)
    .join('；');
}

/** The matrix as a table: units with the most work first, then the collective names. */
export function matrixTable(matrix: UnitMatrix, { colorLevel = 0, width = 80 }: ExportOptions): string {
  const paint = new Chalk({ level: colorLevel });
  const nameWidth = Math.min(MAX_NAME_WIDTH, Math.max(4, ...matrix.units.map((row) => displayWidth(unitLabel(row)))));
  const countWidth = 4;
  const notesWidth = Math.max(MIN_NOTES_WIDTH, width - nameWidth - (countWidth + 1) * COUNTS.length - 2);
  const line = (row: UnitRow) => {
    const counts = COUNTS.map(([key]) => {
      const value = key === 'collective' && row.kind === 'group' ? '-' : String(row[key]);
      const cell = padStart(value, countWidth);
      return value === '0' || value === '-' ? paint.dim(cell) : cell;
    });
    const note = notes(row);
    return [padEnd(shorten(unitLabel(row), nameWidth), nameWidth), ...counts].join(' ') + (note ? `  ${paint.dim(shorten(note, notesWidth))}` : '');
  };
  const units = matrix.units.filter((row) => row.kind !== 'group');
  const groups = matrix.units.filter((row) => row.kind === 'group');
  const header = [padEnd('单位', nameWidth), ...COUNTS.map(([, label]) => padStart(label, countWidth))].join(' ');
  const lines = [
    paint.bold(ledgerTitle(matrix)),
    paint.dim(`${matrix.source.name} · ${units.length} 个单位 · ${groups.length} 个集体名称`),
    '',
    paint.bold(header),
    ...units.map(line),
  ];
  if (groups.length > 0) lines.push('', paint.bold('集体名称'), ...groups.map(line));
  return `${lines.join('\n')}\n`;
}
