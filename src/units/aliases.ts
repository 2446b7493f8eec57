// Which names are one unit: the alias table (data/aliases.yaml plus the user's --aliases files)
// and the reading of a unit name against it and the notice's region.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { convertToSimplified } from '../clean/script.js';
import { InputError } from '../errors.js';
import { normaliseUnitName } from '../ledger/units.js';

// `../../data` is the package's data folder both from src/units/ (tests) and from dist/units/.
const BUILT_IN_FILE = new URL('../../data/aliases.yaml', import.meta.url);

export type MemberKind = 'department' | 'government';

/** Who a collective name (市直各单位, 各县（市、区）) includes. */
export interface GroupRule {
  members: MemberKind[];
  /** Levels of the governments it includes; null for any. */
  governmentLevels: string[] | null;
}

interface CoreEntry {
  /** Today's name of the unit, without a level. */
  canonical: string;
  /** Whether the spelling is a name from before a reform. */
  renamed: boolean;
}

export interface AliasTable {
  /** Level words, longest first. */
  levels: string[];
  notLevels: string[];
  /** Every known spelling of a core → its entry. */
  cores: Map<string, CoreEntry>;
  /** Collective names by their core (市直各单位 → 直各单位). */
  groups: Map<string, GroupRule>;
  notGovernments: string[];
  /** A place's name and level at the start of a name: 东台 市 人民政府. */
  placePattern: RegExp;
  /** The places a region names, each ending in its level: 北京市 西城区. */
  regionPattern: RegExp;
}

// ---- the YAML file ----

interface AliasFile {
  levels?: string[];
  notLevels?: string[];
  units?: { name: string; spellings?: string[]; formerly?: string[] }[];
  groups?: { members: MemberKind[]; governmentLevels?: string[]; names: string[] }[];
  notGovernments?: string[];
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');

/** Checks the shape of a parsed alias file; returns what is wrong, or null. */
function problemOf(data: unknown): string | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'expected a mapping with units: and groups:';
  const file = data as Record<string, unknown>;
  for (const key of ['levels', 'notLevels', 'notGovernments'] as const) {
    if (file[key] !== undefined && !isStringList(file[key])) return `${key} must be a list of names`;
  }
  if (file.units !== undefined) {
    if (!Array.isArray(file.units)) return 'units must be a list';
    for (const unit of file.units as Record<string, unknown>[]) {
      if (typeof unit?.name !== 'string') return 'every entry of units needs a name';
      for (const key of ['spellings', 'formerly']) {
        if (unit[key] !== undefined && !isStringList(unit[key])) return `units: ${unit.name}: ${key} must be a list of names`;
      }
    }
  }
  if (file.groups !== undefined) {
    if (!Array.isArray(file.groups)) return 'groups must be a list';
    for (const group of file.groups as Record<string, unknown>[]) {
      if (!isStringList(group?.names)) return 'every entry of groups needs names';
      const members = group.members;
      if (!isStringList(members) || !members.every((kind) => kind === 'department' || kind === 'government')) {
        return `groups: ${group.names[0]}: members must list department and/or government`;
      }
      if (group.governmentLevels !== undefined && !isStringList(group.governmentLevels)) {
        return `groups: ${group.names[0]}: governmentLevels must be a list of level words`;
      }
    }
  }
  return null;
}

function readAliasFile(file: string | URL): AliasFile {
  const label = file instanceof URL ? file.pathname : file;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message;
    throw new InputError(`${label}: ${reason}`);
  }
  const problem = problemOf(data ?? {});
  if (problem !== null) throw new InputError(`${label}: ${problem}`);
  return (data ?? {}) as AliasFile;
}

// ---- the table ----

/** Names as the ledger writes them: simplified, brackets as （）, no spaces. */
function normalise(name: string): string {
  return normaliseUnitName(convertToSimplified(name.trim()));
}

/** Later files win: a spelling they list is taken away from the entry that had it before. */
function buildTable(files: AliasFile[]): AliasTable {
  const unique = (lists: (string[] | undefined)[]) => [...new Set(lists.flatMap((list) => list ?? []).map(normalise))];
  const levels = unique(files.map((file) => file.levels)).sort((a, b) => b.length - a.length);
  const levelWords = levels.join('|');
  const table: AliasTable = {
    levels,
    notLevels: unique(files.map((file) => file.notLevels)),
    cores: new Map(),
    groups: new Map(),
    notGovernments: unique(files.map((file) => file.notGovernments)),
    placePattern: new RegExp(`^([\\u4e00-\\u9fff]{2,4}?)(${levelWords})(.*)$`),
    regionPattern: new RegExp(`.+?(${levelWords})`, 'g'),
  };
  for (const file of files) {
    for (const unit of file.units ?? []) {
      const canonical = normalise(unit.name);
      table.cores.set(canonical, { canonical, renamed: false });
      for (const spelling of unit.spellings ?? []) table.cores.set(normalise(spelling), { canonical, renamed: false });
      for (const former of unit.formerly ?? []) table.cores.set(normalise(former), { canonical, renamed: true });
    }
    for (const group of file.groups ?? []) {
      const rule: GroupRule = { members: group.members, governmentLevels: group.governmentLevels?.map(normalise) ?? null };
      for (const name of group.names) table.groups.set(splitLevel(normalise(name), table)?.core ?? normalise(name), rule);
    }
  }
  return table;
}

let builtIn: AliasFile | undefined;
let builtInTable: AliasTable | undefined;

/** The built-in alias table, extended by the given files in order (later files win). */
export function loadAliases(extraFiles: readonly string[] = []): AliasTable {
  builtIn ??= readAliasFile(BUILT_IN_FILE);
  if (extraFiles.length === 0) return (builtInTable ??= buildTable([builtIn]));
  return buildTable([builtIn, ...extraFiles.map(readAliasFile)]);
}

// ---- reading a name ----

/** A leading level word, unless it begins a word of the name itself (市场监督管理局). */
function splitLevel(text: string, table: AliasTable): { level: string; core: string } | null {
  if (table.notLevels.some((word) => text.startsWith(word))) return null;
  const level = table.levels.find((word) => text.startsWith(word) && text.length > word.length);
  return level === undefined ? null : { level, core: text.slice(level.length) };
}

interface Region {
  /** The level of the notice's own units: 市 for 盐城市, 区 for 北京市西城区. */
  level: string | null;
  /** How a name may spell the notice's own place, longest first: 盐城市, 盐城. */
  names: string[];
}

function regionOf(region: string | null | undefined, table: AliasTable): Region {
  if (!region) return { level: null, names: [] };
  const places = region.match(table.regionPattern) ?? [];
  const own = places.at(-1);
  if (own === undefined) return { level: null, names: [region] };
  const level = table.levels.find((word) => own.endsWith(word))!;
  const stem = own.slice(0, -level.length);
  const names = [region, own, ...(stem.length >= 2 ? [stem] : [])];
  return { level, names: [...new Set(names)].sort((a, b) => b.length - a.length) };
}

/** A government or department of another place: 东台市人民政府, 亭湖区, 南昌市财政局. */
function splitForeignPlace(text: string, table: AliasTable): { place: string; level: string; core: string } | null {
  const match = table.placePattern.exec(text);
  if (match === null) return null;
  const [, place, level, core] = match as unknown as [string, string, string, string];
  if (table.notGovernments.some((ending) => (place + level).endsWith(ending))) return null;
  // Only a known core after the place makes it a place: 江门市生态环境局台山分局 stays whole.
  if (core !== '' && !table.cores.has(core)) return null;
  return { place, level, core };
}

/** A government is the notice's own (市政府 in a 市 notice) or another place's (东台市人民政府). */
export type UnitKind = 'group' | 'own-government' | 'government' | 'department' | 'other';

/** What a unit name names, read against the alias table and the notice's region. */
export interface UnitIdentity {
  /** The stable display name: level + today's name (市人力资源和社会保障局). */
  canonical: string;
  /** The name as given, when it is a name from before a reform. */
  renamedFrom?: string;
  kind: UnitKind;
  /** 省, 市, 县, … or null when the name has none and none can be implied. */
  level: string | null;
  /** For groups: whom they include. */
  group?: GroupRule;
}

const GOVERNMENT = '人民政府';
/** Collective names that are not in the group list: who they include is not known. */
const COLLECTIVE = '各';

/** Reads a unit name: its level, its canonical name, and what kind of body it is. */
export function identifyUnit(name: string, table: AliasTable, region?: string | null): UnitIdentity {
  const text = normalise(name);
  const own = regionOf(region, table);
  const ownPlace = own.names.find((place) => text.startsWith(place) && text.length > place.length);
  const known = table.cores.has(text) || table.groups.has(text);
  const levelled = ownPlace !== undefined ? { level: own.level, core: text.slice(ownPlace.length) } : known ? null : splitLevel(text, table);

  const group = table.groups.get(levelled?.core ?? text);
  // A group named without a level (各部门) is the notice's own level's.
  if (group !== undefined) return { canonical: text, kind: 'group', level: levelled?.level ?? own.level, group };

  const foreign = levelled === null && !known ? splitForeignPlace(text, table) : null;
  if (foreign !== null) {
    // A place's name alone names its government: 亭湖区人民政府 is 亭湖区.
    const placeName = foreign.place + foreign.level;
    const entry = table.cores.get(foreign.core) ?? { canonical: GOVERNMENT, renamed: false };
    const identity: UnitIdentity =
      entry.canonical === GOVERNMENT
        ? { canonical: placeName, kind: 'government', level: foreign.level }
        : { canonical: placeName + entry.canonical, kind: 'other', level: foreign.level };
    return entry.renamed ? { ...identity, renamedFrom: text } : identity;
  }

  const core = levelled?.core ?? text;
  const entry = table.cores.get(core);
  // A bare known name (人社局) is the notice's own level's; an unknown one is left as written.
  const level = levelled?.level ?? (entry !== undefined ? own.level : null);
  const canonicalCore = entry?.canonical ?? core;
  const kind: UnitKind =
    canonicalCore === GOVERNMENT
      ? level === own.level ? 'own-government' : 'government'
      : level !== null && !core.startsWith(COLLECTIVE) ? 'department' : 'other';
  const identity: UnitIdentity = { canonical: (level ?? '') + canonicalCore, kind, level };
  return entry?.renamed ? { ...identity, renamedFrom: text } : identity;
}

/**
 * The stable display name of a unit, by which two names are one unit when they are equal:
 * level + today's name. `renamedFrom` is set when the name is one from before a reform.
 */
export function canonicalUnit(name: string, table: AliasTable, region?: string | null): { canonical: string; renamedFrom?: string } {
  const { canonical, renamedFrom } = identifyUnit(name, table, region);
  return renamedFrom === undefined ? { canonical } : { canonical, renamedFrom };
}

/**
 * Whether a unit is one of those a collective name includes (the rule is in data/aliases.yaml):
 * departments of the group's level; governments of other places or levels, of the levels it names.
 */
export function belongsTo(unit: UnitIdentity, group: UnitIdentity): boolean {
  const rule = group.group;
  if (rule === undefined) return false;
  if (unit.kind === 'department') {
    return rule.members.includes('department') && (group.level === null || unit.level === group.level);
  }
  if (unit.kind !== 'government' || !rule.members.includes('government')) return false;
  return unit.level !== null && (rule.governmentLevels?.includes(unit.level) ?? true);
}
