// One department's ledger (工作台账): the tasks a unit carries, by name or as one of a group.
import { ROLES } from '../export/fields.js';
import type { LedgerOf } from '../export/types.js';
import type { Ledger, Role, Task, Unit } from '../model.js';
import { type AliasTable, belongsTo, identifyUnit, type UnitIdentity } from './aliases.js';

/** Why a task is in a unit's ledger. */
export interface Match {
  /** The unit asked for, as it was asked (`--unit`). */
  unit: string;
  /** Its role on the task: its own, or its group's when collective. */
  role: Role;
  /** True when the task is assigned to a group the unit belongs to (市直各单位), not to the unit by name. */
  collective: boolean;
  /** The name on the task that matched: a spelling of the unit (市人社局), or the group. */
  named: string;
}

export interface MatchedTask extends Task {
  /** The match of the first unit asked for that the task has. */
  match: Match;
  /** Every unit's match, when more than one unit asked for has the task. */
  matches?: Match[];
}

export interface AskedUnit {
  name: string;
  canonical: string;
  renamedFrom?: string;
}

/** A name from before a reform, and today's unit it was read as. */
export interface Rename {
  name: string;
  canonical: string;
}

/** The contract's ledger holding only the matching tasks, with what was asked and the renames met. */
export type UnitLedger = LedgerOf<MatchedTask> & {
  query: { units: AskedUnit[]; roles: Role[] | null };
  renames: Rename[];
};

/** The strongest role first: a unit that leads a task and also supports it is its lead. */
function strongest(candidates: readonly Unit[]): Unit | undefined {
  return [...candidates].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role))[0];
}

/**
 * The tasks of the ledger that the asked units carry. A unit named on a task matches by its own
 * role; otherwise a group on the task that it belongs to matches, as a collective task. `roles`
 * keeps only matches in those roles.
 */
export function unitLedger(ledger: Ledger, askedNames: readonly string[], table: AliasTable, roles: readonly Role[] | null = null): UnitLedger {
  const region = ledger.meta.region;
  const identities = new Map<string, UnitIdentity>();
  const identify = (name: string): UnitIdentity => {
    let identity = identities.get(name);
    if (identity === undefined) identities.set(name, (identity = identifyUnit(name, table, region)));
    return identity;
  };
  // Two spellings of one unit asked for are one unit.
  const asked = askedNames.filter(
    (name, index) => askedNames.findIndex((other) => identify(other).canonical === identify(name).canonical) === index,
  );
  const renames = new Map<string, string>();
  const noteRename = (name: string) => {
    if (identify(name).renamedFrom !== undefined) renames.set(name, identify(name).canonical);
  };
  asked.forEach(noteRename);

  const matchOn = (task: Task, name: string): Match | null => {
    const unit = identify(name);
    const own = task.units.filter((candidate) => identify(candidate.name).canonical === unit.canonical);
    // A unit named on the task is not also given the task through its group.
    const candidates = own.length > 0 ? own : task.units.filter((candidate) => belongsTo(unit, identify(candidate.name)));
    const best = strongest(candidates.filter((candidate) => roles === null || roles.includes(candidate.role)));
    if (best === undefined) return null;
    if (own.length > 0) noteRename(best.name);
    return { unit: name, role: best.role, collective: own.length === 0, named: best.name };
  };

  const tasks: MatchedTask[] = [];
  for (const task of ledger.tasks) {
    const matches = asked.flatMap((name) => matchOn(task, name) ?? []);
    if (matches.length === 0) continue;
    tasks.push({ ...task, match: matches[0]!, ...(matches.length > 1 ? { matches } : {}) });
  }
  // The contract's fields only: what the notice's own lines became is parse's business.
  const { schema, source, meta, sections, warnings } = ledger;
  return {
    schema,
    source,
    meta,
    sections,
    tasks,
    warnings,
    query: {
      units: asked.map((name) => {
        const { canonical, renamedFrom } = identify(name);
        return renamedFrom === undefined ? { name, canonical } : { name, canonical, renamedFrom };
      }),
      roles: roles === null ? null : [...roles],
    },
    renames: [...renames].map(([name, canonical]) => ({ name, canonical })),
  };
}

/** Every match of a task. */
export function matchesOf(task: MatchedTask): Match[] {
  return task.matches ?? [task.match];
}

/** One asked unit's own ledger: its tasks, each with that unit's match. */
export function tasksOfUnit(ledger: UnitLedger, unit: string): MatchedTask[] {
  return ledger.tasks.flatMap((task) => {
    const match = matchesOf(task).find((candidate) => candidate.unit === unit);
    if (match === undefined) return [];
    const { matches: _matches, ...single } = task;
    return [{ ...single, match }];
  });
}

export interface RoleCounts {
  lead: number;
  responsible: number;
  support: number;
  collective: number;
}

/** How many of the tasks the unit carries in each role by name, and how many collectively. */
export function roleCounts(tasks: readonly MatchedTask[]): RoleCounts {
  const counts: RoleCounts = { lead: 0, responsible: 0, support: 0, collective: 0 };
  for (const { match } of tasks) counts[match.collective ? 'collective' : match.role]++;
  return counts;
}
