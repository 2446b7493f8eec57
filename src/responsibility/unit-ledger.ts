// One department's ledger (工作台账): the tasks a unit carries, by name or as one of a group.
import { contractFields } from '../export/document.js';
import { ROLES } from '../export/fields.js';
import type { LedgerOf } from '../export/types.js';
import type { Ledger, Role, Task, Unit } from '../model.js';
import { InputError } from '../errors.js';
import { message } from '../i18n/index.js';
import { type AliasTable, belongsTo, identifyUnit, isNotUnit, namesLevel, type UnitIdentity } from '../unit-names/aliases.js';

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
  /** Today's name of the unit it was found as. */
  canonical: string;
  renamedFrom?: string;
  /** The notice's names of the unit; empty when the notice names only groups it belongs to. */
  found: string[];
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

/** A unit asked for that the notice does not name, and the notice's names nearest to it. */
export class UnitNotFound extends InputError {
  constructor(
    readonly unit: string,
    readonly near: readonly string[],
  ) {
    super(near.length > 0 ? message('unit.notFoundNear', { unit, near: near.join('、') }) : message('unit.notFound', { unit }));
  }
}

/** The notice's units, each once, by key. */
function noticeUnits(ledger: Ledger, identify: (name: string) => UnitIdentity, table: AliasTable): Map<string, UnitIdentity> {
  const units = new Map<string, UnitIdentity>();
  for (const task of ledger.tasks) {
    for (const { name } of task.units) {
      if (isNotUnit(name, table)) continue;
      const identity = identify(name);
      if (!units.has(identity.key)) units.set(identity.key, identity);
    }
  }
  return units;
}

/** The unit's name without its level word: 财政厅 for 省财政厅. */
const withoutLevel = (name: string, level: string | null): string => (level !== null && name.startsWith(level) ? name.slice(level.length) : name);

/** Whether every character of `short` appears in `long`, in order. */
export function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const character of long) if (character === short[at]) at++;
  return at === short.length;
}

/** How many characters two names share, in order (the longest common subsequence). */
function sharedCharacters(a: string, b: string): number {
  // Each row has b.length + 1 entries, which is all j and j + 1 below reach.
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 0; j < b.length; j++) row.push(x === b[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, row[j]!));
    previous = row;
  }
  return previous[b.length]!;
}

// Suggestions: at most this many, sharing at least half the asked name's characters.
const MAX_SUGGESTIONS = 3;

/**
 * The notice's units a name asked for is: the unit of that name (any spelling the alias table
 * knows, with or without the notice's own level or place); the bodies today's unit replaced
 * (市场监督管理局 → 省工商局, 省质监局); the unit whose name is the asked one with a level word
 * before it (经济发展局 → 区经济发展局) or holds its characters in order (经发局 → 区经济发展局),
 * when only one does. Empty when none is.
 */
function resolve(asked: string, identity: UnitIdentity, units: Map<string, UnitIdentity>, table: AliasTable, region: string | null): UnitIdentity[] {
  const all = [...units.values()];
  const exact = units.get(identity.key);
  if (exact !== undefined) return [exact];
  if (identity.kind !== 'group') {
    const successors = all.filter((unit) => unit.kind !== 'group' && unit.canonical === identity.canonical);
    if (successors.length > 0) return successors;
  }
  // A level given (县财政局) is kept to; without one, any level's unit of that name will do.
  const levelGiven = namesLevel(asked, table, region);
  const bodies = all.filter((unit) => unit.kind !== 'group' && (!levelGiven || unit.level === identity.level));
  if (!levelGiven) {
    const cores = new Set([identity.key, identity.canonical].map((name) => withoutLevel(name, identity.level)));
    const sameCore = bodies.filter((unit) => [unit.key, unit.canonical].some((name) => cores.has(withoutLevel(name, unit.level))));
    if (sameCore.length === 1) return sameCore;
  }
  const short = withoutLevel(identity.key, identity.level);
  const holding = bodies.filter((unit) => {
    const long = withoutLevel(unit.name, unit.level);
    return short.length >= 2 && short[0] === long[0] && isSubsequence(short, long);
  });
  return holding.length === 1 ? holding : [];
}

/** The notice's units nearest to a name it does not have: those sharing the most characters with it. */
function nearUnits(identity: UnitIdentity, units: Map<string, UnitIdentity>): string[] {
  const asked = withoutLevel(identity.name, identity.level);
  const scored = [...units.values()].map((unit) => ({ name: unit.name, shared: sharedCharacters(asked, withoutLevel(unit.name, unit.level)) }));
  const best = Math.max(0, ...scored.map((unit) => unit.shared));
  if (best < Math.max(2, asked.length / 2)) return [];
  return scored.filter((unit) => unit.shared === best).slice(0, MAX_SUGGESTIONS).map((unit) => unit.name);
}

/**
 * The tasks of the ledger that the asked units carry. A unit named on a task matches by its own
 * role; otherwise a group on the task that it belongs to matches, as a collective task. `roles`
 * keeps only matches in those roles. A name the notice does not have is an error (UnitNotFound)
 * with the notice's nearest names, unless the alias table knows the unit and one of its groups
 * is on a task: then its ledger is those collective tasks.
 */
export function unitLedger(ledger: Ledger, askedNames: readonly string[], table: AliasTable, roles: readonly Role[] | null = null): UnitLedger {
  const region = ledger.meta.region;
  const identities = new Map<string, UnitIdentity>();
  const identify = (name: string): UnitIdentity => {
    let identity = identities.get(name);
    if (identity === undefined) identities.set(name, (identity = identifyUnit(name, table, region)));
    return identity;
  };
  const units = noticeUnits(ledger, identify, table);
  const groups = [...units.values()].filter((unit) => unit.group !== undefined);

  /** Each asked name: the notice's units it is, and the identity its groups are found by. */
  const resolved = askedNames.map((name) => {
    const identity = identify(name);
    const found = resolve(name, identity, units, table, region);
    // Only a unit the alias table knows may be given its groups' tasks without being named.
    const known = table.cores.has(withoutLevel(identity.key, identity.level)) || identity.kind === 'government';
    if (found.length === 0 && !(known && groups.some((group) => belongsTo(identity, group)))) {
      throw new UnitNotFound(name, nearUnits(identity, units));
    }
    return { name, identity: found[0] ?? identity, keys: new Set(found.map((unit) => unit.key)), found };
  });
  // Two names of one unit asked for are one unit.
  const asked = resolved.filter((unit, index) => resolved.findIndex((other) => other.identity.key === unit.identity.key) === index);
  const renames = new Map<string, string>();
  const noteRename = (name: string) => {
    if (identify(name).renamedFrom !== undefined) renames.set(name, identify(name).canonical);
  };
  asked.forEach((unit) => noteRename(unit.name));

  const matchOn = (task: Task, unit: (typeof asked)[number]): Match | null => {
    const own = task.units.filter((candidate) => unit.keys.has(identify(candidate.name).key));
    // A unit named on the task is not also given the task through its group.
    const candidates = own.length > 0 ? own : task.units.filter((candidate) => belongsTo(unit.identity, identify(candidate.name)));
    const best = strongest(candidates.filter((candidate) => roles === null || roles.includes(candidate.role)));
    if (best === undefined) return null;
    if (own.length > 0) noteRename(best.name);
    return { unit: unit.name, role: best.role, collective: own.length === 0, named: best.name };
  };

  const tasks: MatchedTask[] = [];
  for (const task of ledger.tasks) {
    const matches = asked.flatMap((unit) => matchOn(task, unit) ?? []);
    const [match] = matches;
    if (match === undefined) continue;
    tasks.push({ ...task, match, ...(matches.length > 1 ? { matches } : {}) });
  }
  return {
    ...contractFields(ledger),
    tasks,
    query: {
      units: asked.map(({ name, identity, found }): AskedUnit => {
        const { canonical, renamedFrom } = identify(name);
        const names = found.map((unit) => unit.name);
        return { name, canonical: found.length === 1 ? identity.canonical : canonical, ...(renamedFrom === undefined ? {} : { renamedFrom }), found: names };
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
