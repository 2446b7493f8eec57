import { matchMarker } from '../vocabulary/markers.js';
import { isBareUnitList, isUnitClause, isUnitName, opensWithRole, readOnce, unitPieces } from '../vocabulary/units.js';
import { isDeadlineCell } from '../vocabulary/deadlines.js';

// What a table cell looks like by its content alone: the row aligner matches these shapes to
// the header's columns, so a row that lost a cell to a rowspan still finds its columns.

export type CellShape = 'empty' | 'seq' | 'units' | 'deadline' | 'marker-short' | 'marker-long' | 'short' | 'long';

/** A 序号 cell: a bare number. */
export const SEQ_CELL = /^\d{1,3}[.．、]?$/;
const SHORT_MAX = 24;
const UNITS_CELL_MAX = 200;
const SINGLE_UNIT_MAX = 30;

/** Whether a cell (or a line on its own) names only units, with or without role words. */
export function isUnitsCell(text: string): boolean {
  const cell = text.trim().replace(/[。；]$/, '');
  if (!cell || cell.length > UNITS_CELL_MAX || /[。；：:]/.test(cell) || matchMarker(cell)) return false;
  return namesOnlyUnits(cell);
}

/** The rest of isUnitsCell, read once for each cell: a table repeats its unit cells row after row. */
const namesOnlyUnits = readOnce((cell: string): boolean => {
  if (isUnitClause(cell) || isBareUnitList(cell)) return true;
  // A cell cut off after its first role word still opens as a unit clause: 市发展改革委牵头，市住建局等…
  if (opensWithRole(cell)) return true;
  // One name that lists its levels: 市、县（区）司法行政主管部门.
  if (cell.length <= SINGLE_UNIT_MAX && /^[省市县区乡镇]、/.test(cell) && isUnitName(cell)) return true;
  // A cut-off last name (…、市金融办、人民银) still leaves a list mostly of units.
  const pieces = unitPieces(cell);
  const units = pieces.filter(isUnitName).length;
  return pieces.length >= 3 && isUnitName(pieces[0]!) && units * 3 >= pieces.length * 2;
});

/** A cell a table fills on purpose to say “none” (—, ／, 无): empty, not covered by the cell above. */
const PLACEHOLDER_MAX = 2;
const PLACEHOLDER = /^(?:[—–－\-―─/／]+|无|暂无)$/;
export const isPlaceholderCell = (cell: string): boolean => cell.length <= PLACEHOLDER_MAX && PLACEHOLDER.test(cell);

export function shapeOf(text: string): CellShape {
  const cell = text.trim();
  if (!cell || isPlaceholderCell(cell)) return 'empty';
  if (SEQ_CELL.test(cell)) return 'seq';
  const marker = matchMarker(cell);
  if (marker) return marker.rest.length <= SHORT_MAX + 16 && !/。./.test(marker.rest) ? 'marker-short' : 'marker-long';
  if (isDeadlineCell(cell)) return 'deadline';
  if (isUnitsCell(cell)) return 'units';
  // A name or heading is short and has no clause in it; a requirement is a sentence.
  return cell.length <= SHORT_MAX && !/[。，；].|，/.test(cell) ? 'short' : 'long';
}
