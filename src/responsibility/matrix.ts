// The responsibility matrix (责任分工表): every unit of a notice and how many tasks it carries.
import type { Ledger, LedgerSource, Meta, Role } from '../model.js';
import { isSubsequence } from './unit-ledger.js';
import { type AliasTable, belongsTo, identifyUnit, isNotUnit, type UnitIdentity, type UnitKind } from '../unit-names/aliases.js';

export interface UnitRow {
  /** The unit's name: its canonical name, or as the notice writes it for a body a reform replaced. */
  unit: string;
  kind: UnitKind;
  /** The names the notice gives the unit, in order of appearance. */
  spellings: string[];
  /** Today's name, when a reform replaced the unit (省工商局 → 省市场监督管理局); else null. */
  today: string | null;
  lead: number;
  responsible: number;
  support: number;
  /** Tasks that name the unit, in any role. */
  total: number;
  /** Tasks assigned to a group the unit belongs to, and not to the unit by name. */
  collective: number;
  /** Other units whose names suggest they may be this one (市大数据局, 市大数据管理局). */
  mayBeSame: string[];
}

export interface UnitMatrix {
  schema: 'taizhang-units/1';
  source: LedgerSource;
  meta: Meta;
  units: UnitRow[];
}

interface Tally {
  identity: UnitIdentity;
  row: UnitRow;
  tasksByRole: Record<Role, Set<string>>;
  tasks: Set<string>;
}

// Shorter names than this share characters with too many others by chance.
const MIN_SIMILAR_LENGTH = 3;

/**
 * Two names of one level that end alike, where one holds the other's characters in order
 * (大数据局 / 大数据管理局, 建设局 / 城乡建设局), may be one unit the alias table does not know.
 */
function maySameUnit(a: UnitIdentity, b: UnitIdentity): boolean {
  if (a.level !== b.level) return false;
  const [short, long] = [a, b].map((unit) => unit.key.slice(unit.level?.length ?? 0)).sort((x, y) => x.length - y.length) as [string, string];
  return short.length >= MIN_SIMILAR_LENGTH && short.at(-1) === long.at(-1) && isSubsequence(short, long);
}

/** Most work first; groups after the units. */
function byWork(a: UnitRow, b: UnitRow): number {
  return Number(a.kind === 'group') - Number(b.kind === 'group') || b.total - a.total || b.collective - a.collective;
}


/** A cheap test that may say yes wrongly, never no wrongly: whether every character of a is in b. */
const characterMask = (text: string): number => {
  let mask = 0;
  // A character of a string has a code point.
  for (const character of text) mask |= 1 << (character.codePointAt(0)! % 32);
  return mask;
};

/**
 * For each unit, the others that may be the same (see maySameUnit), in the order of `all`. Only
 * names that could pass are compared: same kind, level and last character, one shorter than the
 * other (a name is not a subsequence of another of its length), and whose characters it may hold;
 * 20,000 units compared pair by pair took minutes.
 */
function similarUnits(all: readonly Tally[]): Map<Tally, Tally[]> {
  // Each unit's similar ones with their places in `all`, to be put in that order.
  const similar = new Map<Tally, { at: number; tally: Tally }[]>();
  const buckets = new Map<string, { tally: Tally; at: number; name: string; mask: number; similar: { at: number; tally: Tally }[] }[]>();
  for (const [at, tally] of all.entries()) {
    const similarToThis: { at: number; tally: Tally }[] = [];
    similar.set(tally, similarToThis);
    const { identity } = tally;
    if (identity.kind === 'group') continue;
    const name = identity.key.slice(identity.level?.length ?? 0);
    if (name.length === 0) continue;
    const key = `${identity.kind}\n${identity.level ?? ''}\n${name.at(-1)}`;
    const bucket = buckets.get(key) ?? [];
    buckets.set(key, bucket);
    bucket.push({ tally, at, name, mask: characterMask(name), similar: similarToThis });
  }
  for (const bucket of buckets.values()) {
    bucket.sort((a, b) => a.name.length - b.name.length);
    for (const [i, short] of bucket.entries()) {
      if (short.name.length < MIN_SIMILAR_LENGTH) continue;
      for (const long of bucket.slice(i + 1)) {
        if (long.name.length === short.name.length || (short.mask & ~long.mask) !== 0) continue;
        if (!maySameUnit(short.tally.identity, long.tally.identity)) continue;
        short.similar.push(long);
        long.similar.push(short);
      }
    }
  }
  return new Map([...similar].map(([tally, list]) => [tally, list.sort((a, b) => a.at - b.at).map((entry) => entry.tally)]));
}

export function unitMatrix(ledger: Ledger, table: AliasTable): UnitMatrix {
  const tallies = new Map<string, Tally>();
  for (const task of ledger.tasks) {
    for (const { name, role } of task.units) {
      if (isNotUnit(name, table)) continue;
      const identity = identifyUnit(name, table, ledger.meta.region);
      let tally = tallies.get(identity.key);
      if (tally === undefined) {
        const today = identity.renamedFrom === undefined ? null : identity.canonical;
        tally = {
          identity,
          row: { unit: identity.name, kind: identity.kind, spellings: [], today, lead: 0, responsible: 0, support: 0, total: 0, collective: 0, mayBeSame: [] },
          tasksByRole: { lead: new Set(), responsible: new Set(), support: new Set() },
          tasks: new Set(),
        };
        tallies.set(identity.key, tally);
      }
      if (!tally.row.spellings.includes(name)) tally.row.spellings.push(name);
      tally.tasksByRole[role].add(task.id);
      tally.tasks.add(task.id);
    }
  }

  const all = [...tallies.values()];
  const groups = all.filter((tally) => tally.identity.kind === 'group');
  // The tasks of each set of groups, gathered once per set, not once per member unit.
  const collectiveByGroups = new Map<string, Set<string>>();
  for (const tally of all) {
    const { row, identity } = tally;
    row.lead = tally.tasksByRole.lead.size;
    row.responsible = tally.tasksByRole.responsible.size;
    row.support = tally.tasksByRole.support.size;
    row.total = tally.tasks.size;
    const memberOf = groups.filter((group) => belongsTo(identity, group.identity));
    const key = memberOf.map((group) => group.row.unit).join('\n');
    let collectiveTasks = collectiveByGroups.get(key);
    if (collectiveTasks === undefined) {
      collectiveTasks = new Set(memberOf.flatMap((group) => [...group.tasks]));
      collectiveByGroups.set(key, collectiveTasks);
    }
    // The group's tasks that do not name the unit itself.
    let named = 0;
    for (const id of tally.tasks) if (collectiveTasks.has(id)) named++;
    row.collective = collectiveTasks.size - named;
  }
  for (const [tally, similar] of similarUnits(all)) tally.row.mayBeSame = similar.map((other) => other.row.unit);
  return { schema: 'taizhang-units/1', source: ledger.source, meta: ledger.meta, units: all.map((tally) => tally.row).sort(byWork) };
}
