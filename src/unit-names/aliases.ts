// Which names are one unit: the alias table (data/aliases.yaml plus the user's --aliases files)
// and the reading of a unit name against it and the notice's region.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { convertToSimplified } from '../clean/script.js';
import { InputError } from '../errors.js';
import { normaliseUnitName } from '../vocabulary/units.js';

// `../../data` is the package's data folder both from src/unit-names/ (tests) and from dist/unit-names/.
const BUILT_IN_FILE = new URL('../../data/aliases.yaml', import.meta.url);
/**
 * The same table as JSON, written by scripts/build-data.mjs at build: read in a millisecond where
 * the YAML parser takes tens of them to load and run (every track, due and status command reads
 * the table). Used only when built after the YAML, so an edit of the YAML is never ignored.
 */
const BUILT_IN_JSON = new URL('../../dist/aliases.json', import.meta.url);

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
  /** Its name at a province level, when that differs (财政厅 for 财政局). */
  province?: string;
  /** For a name of a body a reform replaced: that body's full name, without a level. */
  former?: string;
}

export interface AliasTable {
  /** Level words, longest first. */
  levels: string[];
  notLevels: string[];
  /** Levels whose departments take the entries' province forms (厅). */
  provinceLevels: string[];
  /** Every known spelling of a core → its entry. */
  cores: Map<string, CoreEntry>;
  /** Collective names by their core (市直各单位 → 直各单位). */
  groups: Map<string, GroupRule>;
  /** Words of central agencies' local offices, which keep their place's name (福建证监局). */
  central: string[];
  /** Words that make a name collective (各, 有关, 相关). */
  collectiveWords: string[];
  /** Words of clause parts that are no unit (适用范围). */
  notUnits: string[];
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
  provinceLevels?: string[];
  units?: { name: string; province?: string; spellings?: string[]; formerly?: (string | string[])[] }[];
  groups?: { members: MemberKind[]; governmentLevels?: string[]; names: string[] }[];
  central?: string[];
  collectiveWords?: string[];
  notUnits?: string[];
  notGovernments?: string[];
}

const WORD_LISTS = ['levels', 'notLevels', 'provinceLevels', 'central', 'collectiveWords', 'notUnits', 'notGovernments'] as const;

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');

/** Checks the shape of a parsed alias file; returns what is wrong, or null. */
function problemOf(data: unknown): string | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'expected a mapping with units: and groups:';
  const file = data as Record<string, unknown>;
  for (const key of WORD_LISTS) {
    if (file[key] !== undefined && !isStringList(file[key])) return `${key} must be a list of names`;
  }
  if (file.units !== undefined) {
    if (!Array.isArray(file.units)) return 'units must be a list';
    for (const unit of file.units as Record<string, unknown>[]) {
      if (typeof unit?.name !== 'string') return 'every entry of units needs a name';
      if (unit.province !== undefined && typeof unit.province !== 'string') return `units: ${unit.name}: province must be a name`;
      if (unit.spellings !== undefined && !isStringList(unit.spellings)) return `units: ${unit.name}: spellings must be a list of names`;
      const formerly = unit.formerly;
      if (formerly !== undefined && !(Array.isArray(formerly) && formerly.every((body) => isStringList(typeof body === 'string' ? [body] : body)))) {
        return `units: ${unit.name}: formerly must be a list of names, or of lists of one body's names`;
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
  return checkedAliasFile(data, label);
}

function checkedAliasFile(data: unknown, label: string): AliasFile {
  const problem = problemOf(data ?? {});
  if (problem !== null) throw new InputError(`${label}: ${problem}`);
  return (data ?? {}) as AliasFile;
}

/** The YAML parser, loaded when a YAML file is read (yaml is CommonJS: required, not imported). */
function parseYaml(text: string): unknown {
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return parse(text);
}

function readBuiltIn(): AliasFile {
  try {
    if (statSync(BUILT_IN_JSON).mtimeMs >= statSync(BUILT_IN_FILE).mtimeMs) {
      return checkedAliasFile(JSON.parse(readFileSync(BUILT_IN_JSON, 'utf8')), BUILT_IN_JSON.pathname);
    }
  } catch (error) {
    // No build yet (tests of src/ before tsc), or a damaged one: the YAML is the source.
    if (error instanceof InputError) throw error;
  }
  return readAliasFile(BUILT_IN_FILE);
}

// ---- the table ----

/** Names as the ledger writes them: simplified, brackets as （）, no spaces. */
function normalise(name: string): string {
  return normaliseUnitName(convertToSimplified(name.trim()));
}

/** A department's name at a province level: 财政局 → 财政厅. */
const provinceSpelling = (name: string): string => name.replace(/局$/, '厅');

/** Later files win: a spelling they list is taken away from the entry that had it before. */
function buildTable(files: AliasFile[]): AliasTable {
  const unique = (lists: (string[] | undefined)[]) => [...new Set(lists.flatMap((list) => list ?? []).map(normalise))];
  const words = (key: (typeof WORD_LISTS)[number]) => unique(files.map((file) => file[key]));
  const levels = words('levels').sort((a, b) => b.length - a.length);
  const levelWords = levels.join('|');
  const table: AliasTable = {
    levels,
    notLevels: words('notLevels'),
    provinceLevels: words('provinceLevels'),
    cores: new Map(),
    groups: new Map(),
    central: words('central'),
    collectiveWords: words('collectiveWords'),
    notUnits: words('notUnits'),
    notGovernments: words('notGovernments'),
    placePattern: new RegExp(`^(?<place>[\\u4e00-\\u9fff]{2,4}?)(?<level>${levelWords})(?<core>.*)$`),
    regionPattern: new RegExp(`.+?(?<level>${levelWords})`, 'g'),
  };
  for (const file of files) {
    for (const unit of file.units ?? []) {
      const canonical = normalise(unit.name);
      const province = unit.province === undefined ? undefined : normalise(unit.province);
      // With a 厅 at province level, each 局 spelling has its 厅 spelling too (人社局, 人社厅).
      const withProvince = (names: string[]) => (province?.endsWith('厅') ? [...names, ...names.map(provinceSpelling)] : names);
      const entry: CoreEntry = province === undefined ? { canonical } : { canonical, province };
      for (const spelling of withProvince([canonical, ...(province === undefined ? [] : [province]), ...(unit.spellings ?? []).map(normalise)])) {
        table.cores.set(spelling, entry);
      }
      for (const body of unit.formerly ?? []) {
        const names = (typeof body === 'string' ? [body] : body).map(normalise);
        const [former] = names;
        if (former === undefined) continue;
        for (const spelling of withProvince(names)) table.cores.set(spelling, { ...entry, former });
      }
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
  builtIn ??= readBuiltIn();
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
  const last = [...region.matchAll(table.regionPattern)].at(-1);
  const own = last?.[0];
  const level = last?.groups?.level;
  if (own === undefined || level === undefined) return { level: null, names: [region] };
  const stem = own.slice(0, -level.length);
  const names = [region, own, ...(stem.length >= 2 ? [stem] : [])];
  return { level, names: [...new Set(names)].sort((a, b) => b.length - a.length) };
}

/** A government or department of another place: 东台市人民政府, 亭湖区, 南昌市财政局. */
function splitForeignPlace(text: string, table: AliasTable): { place: string; level: string; core: string } | null {
  const { place, level, core } = table.placePattern.exec(text)?.groups ?? {};
  if (place === undefined || level === undefined || core === undefined) return null;
  if (table.notGovernments.some((ending) => (place + level).endsWith(ending))) return null;
  // Only a known core after the place makes it a place: 江门市生态环境局台山分局 stays whole.
  if (core !== '' && !table.cores.has(core)) return null;
  return { place, level, core };
}

/** Whether a name gives its level, by a level word (省财政厅) or the notice's own place (福建省财政厅). */
export function namesLevel(name: string, table: AliasTable, region?: string | null): boolean {
  const text = normalise(name);
  return regionOf(region, table).names.some((place) => text.startsWith(place)) || splitLevel(text, table) !== null;
}

/** A government is the notice's own (市政府 in a 市 notice) or another place's (东台市人民政府). */
export type UnitKind = 'group' | 'own-government' | 'government' | 'department' | 'other';

/** What a unit name names, read against the alias table and the notice's region. */
export interface UnitIdentity {
  /** Today's name: level + today's name of the unit (市人力资源和社会保障局, 省财政厅). */
  canonical: string;
  /**
   * Two names are one unit of a notice when their keys are equal: the canonical name, except
   * for a body a reform replaced, which is its own unit (省工商行政管理局 and 省质量技术监督局 are two).
   */
  key: string;
  /** How the unit is shown: the canonical name, or the name as written for a replaced body or a central agency's office. */
  name: string;
  /** The name as given, when it is the name of a body a reform replaced. */
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

/** A clause part that names no unit: a scope or a note (适用范围：福建自贸试验区). */
export function isNotUnit(name: string, table: AliasTable): boolean {
  const text = normalise(name);
  return table.notUnits.some((word) => text.includes(word));
}

// What a collective name may say around whom it includes: 区直各相关单位, 各乡镇人民政府（街道办事处）.
const COLLECTIVE_FILLER = /（[^）]*）|各|有关|相关|直属|直|属|级|所辖|设区|人民政府|政府|、/g;

/**
 * Who a collective name the group list does not know includes, kept narrow: the departments of
 * its level when it names units in general (区直各相关单位, 省直各有关部门); the governments of
 * the levels it names when it names places (各设区市, 各乡镇人民政府（街道办事处）); else no one
 * (各区属事业单位, 市各行政执法单位). Null for a name that is not collective.
 */
function collectiveRule(core: string, table: AliasTable): GroupRule | null {
  if (!table.collectiveWords.some((word) => core.includes(word))) return null;
  const rest = core.replace(COLLECTIVE_FILLER, '');
  if (/^(单位|部门|机构)$/.test(rest)) return { members: ['department'], governmentLevels: null };
  const levels = table.levels.filter((level) => core.replace(/设区/g, '').includes(level));
  const onlyLevels = rest !== '' && table.levels.reduce((left, level) => left.replaceAll(level, ''), rest) === '';
  return onlyLevels ? { members: ['government'], governmentLevels: levels } : { members: [], governmentLevels: null };
}

/** A unit's name of the given level: the entry's province form at a province level. */
function fullName(entry: CoreEntry, level: string | null, table: AliasTable): string {
  const atProvince = level !== null && table.provinceLevels.includes(level);
  return (atProvince ? entry.province : undefined) ?? entry.canonical;
}

/** The full name of the body a reform replaced, at the level (省国土资源厅 for 省国土局). */
function formerName(former: string, entry: CoreEntry, level: string | null, table: AliasTable): string {
  const atProvince = level !== null && table.provinceLevels.includes(level) && entry.province?.endsWith('厅') === true;
  return atProvince ? provinceSpelling(former) : former;
}

/** Reads a unit name: its level, its canonical name, and what kind of body it is. */
export function identifyUnit(name: string, table: AliasTable, region?: string | null): UnitIdentity {
  // A unit shown with today's name beside it (省工商局（现 省市场监督管理局）) is the unit as written.
  const text = normalise(name).replace(/（现[^）]*）$/, '');
  const own = regionOf(region, table);
  const ownPlace = own.names.find((place) => text.startsWith(place) && text.length > place.length);
  const known = table.cores.has(text) || table.groups.has(text);
  const levelled = ownPlace !== undefined ? { level: own.level, core: text.slice(ownPlace.length) } : known ? null : splitLevel(text, table);

  const group = table.groups.get(levelled?.core ?? text) ?? collectiveRule(levelled?.core ?? text, table);
  // A group named without a level (各部门) is the notice's own level's: 省直各部门 and 直各部门 are one.
  if (group !== null) {
    const level = levelled?.level ?? own.level;
    return { canonical: text, key: (level ?? '') + (levelled?.core ?? text), name: text, kind: 'group', level, group };
  }

  const foreign = levelled === null && !known ? splitForeignPlace(text, table) : null;
  if (foreign !== null) {
    // A place's name alone names its government: 亭湖区人民政府 is 亭湖区.
    const placeName = foreign.place + foreign.level;
    const entry = table.cores.get(foreign.core) ?? { canonical: GOVERNMENT };
    if (entry.canonical === GOVERNMENT) return { canonical: placeName, key: placeName, name: placeName, kind: 'government', level: foreign.level };
    const canonical = placeName + fullName(entry, foreign.level, table);
    if (entry.former === undefined) return { canonical, key: canonical, name: canonical, kind: 'other', level: foreign.level };
    return { canonical, key: placeName + formerName(entry.former, entry, foreign.level, table), name: text, renamedFrom: text, kind: 'other', level: foreign.level };
  }

  const core = levelled?.core ?? text;
  const entry = table.cores.get(core);
  // A central agency's office is shown with its place's name as written (福建证监局).
  const central = table.central.some((word) => core.includes(word));
  // A bare known name (人社局, 人民银行平潭支行) is the notice's own level's; an unknown one is left as written.
  const level = levelled?.level ?? (entry !== undefined || central ? own.level : null);
  const canonicalCore = entry === undefined ? core : fullName(entry, level, table);
  // A central agency's office is no department of the place's government, nor in its groups.
  const kind: UnitKind =
    canonicalCore === GOVERNMENT
      ? level === own.level ? 'own-government' : 'government'
      : level !== null && !central && !core.startsWith(COLLECTIVE) ? 'department' : 'other';
  const canonical = (level ?? '') + canonicalCore;
  const identity: UnitIdentity = { canonical, key: canonical, name: central ? text : canonical, kind, level };
  if (entry?.former === undefined) return identity;
  return { ...identity, key: (level ?? '') + formerName(entry.former, entry, level, table), name: text, renamedFrom: text };
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
