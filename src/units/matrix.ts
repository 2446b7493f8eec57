// The responsibility matrix (责任分工表): every unit of a notice and how many tasks it carries.
import type { Ledger, LedgerSource, Meta, Role } from '../model.js';
import { isSubsequence } from './match.js';
import { type AliasTable, belongsTo, identifyUnit, isNotUnit, type UnitIdentity, type UnitKind } from './aliases.js';

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

export function unitMatrix(ledger: Ledger, table: AliasTable): UnitMatrix {
  const tallies = new Map<string, Tally>();
  const explicitByTask = new Map<string, Set<string>>();
  for (const task of ledger.tasks) {
    const named = new Set<string>();
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
      named.add(identity.key);
    }
    explicitByTask.set(task.id, named);
  }

  const all = [...tallies.values()];
  const groups = all.filter((tally) => tally.identity.kind === 'group');
  for (const tally of all) {
    const { row, identity } = tally;
    row.lead = tally.tasksByRole.lead.size;
    row.responsible = tally.tasksByRole.responsible.size;
    row.support = tally.tasksByRole.support.size;
    row.total = tally.tasks.size;
    const memberOf = groups.filter((group) => belongsTo(identity, group.identity));
    const collectiveTasks = new Set(memberOf.flatMap((group) => [...group.tasks]));
    row.collective = [...collectiveTasks].filter((id) => !explicitByTask.get(id)!.has(identity.key)).length;
    row.mayBeSame = all
      .filter((other) => other !== tally && other.identity.kind === identity.kind && identity.kind !== 'group' && maySameUnit(identity, other.identity))
      .map((other) => other.row.unit);
  }
  return { schema: 'taizhang-units/1', source: ledger.source, meta: ledger.meta, units: all.map((tally) => tally.row).sort(byWork) };
}
