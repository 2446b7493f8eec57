// The cell texts of a workbook's worksheets, read from its XML (SpreadsheetML): shared and inline
// strings, numbers as written. Enough for a returned sheet, whose cells are text.
import { InputError } from '../errors.js';
import { unpack, unpackedSize, zipEntries } from '../read/zip.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** The text of a string item: its <t> runs, without phonetic guides. */
function stringText(xml: string): string {
  return unescapeXml([...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((match) => match[1]).join(''));
}

/** Column letters → 0-based index: A → 0, AB → 27. */
function columnIndex(reference: string): number {
  let index = 0;
  for (const letter of reference.replace(/\d+$/, '')) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

function gridOf(xml: string, shared: readonly string[]): string[][] {
  const grid: string[][] = [];
  for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const number = Number(/\br="(\d+)"/.exec(row[1]!)?.[1] ?? grid.length + 1);
    const cells: string[] = [];
    let next = 0;
    for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[1]!;
      const reference = /\br="([A-Z]+\d*)"/.exec(attributes)?.[1];
      const column = reference === undefined ? next : columnIndex(reference);
      next = column + 1;
      const type = /\bt="(\w+)"/.exec(attributes)?.[1];
      const body = cell[2] ?? '';
      const value = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      cells[column] =
        type === 's' ? (shared[Number(value)] ?? '') : type === 'inlineStr' ? stringText(body) : value === undefined ? '' : unescapeXml(value);
    }
    grid[number - 1] = Array.from(cells, (text) => text ?? '');
  }
  return Array.from(grid, (row) => row ?? []);
}

const KIND = 'an xlsx workbook';
/** Far above any returned sheet (a thousand-row workbook unpacks to a few MB). */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

/** Each worksheet's name and cell texts, in the workbook's order. */
export function worksheetGrids(bytes: Uint8Array): { name: string; grid: string[][] }[] {
  const entries = zipEntries(bytes, KIND);
  if (unpackedSize(entries) > MAX_UNPACKED_BYTES) throw new InputError(`refused: unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB (a zip bomb?)`);
  const text = (name: string) => {
    const entry = entries.find((candidate) => candidate.name === name);
    return entry === undefined ? undefined : unpack(bytes, entry, KIND).toString('utf8');
  };
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) throw new InputError('not an xlsx workbook (no xl/workbook.xml)');
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => stringText(match[1]!));
  // Sheets by relationship id → their part, as the workbook lists them.
  const targets = new Map([...(text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)].map((match) => [
    /\bId="([^"]+)"/.exec(match[1]!)?.[1], /\bTarget="([^"]+)"/.exec(match[1]!)?.[1]?.replace(/^\/?(xl\/)?/, 'xl/'),
  ]));
  return [...workbook.matchAll(/<sheet\b([^>]*)\/?>/g)].flatMap((match) => {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(match[1]!)?.[1] ?? '');
    const part = targets.get(/\br:id="([^"]+)"/.exec(match[1]!)?.[1]);
    const xml = part === undefined ? undefined : text(part);
    return xml === undefined ? [] : [{ name, grid: gridOf(xml, shared) }];
  });
}
