import { ROLES } from '../export/fields.js';
import type { Role, Task } from '../model.js';
import { identifyUnit, loadAliases } from '../unit-names/aliases.js';
import type { UnitChange } from './types.js';

/**
 * A unit's name as two years are compared by it: the one name every spelling of the unit (or of
 * a group of units) comes to, and the name it was renamed from when it is one from before a reform.
 */
interface ComparedName {
  canonical: string;
  renamedFrom?: string;
}

/** A unit's compared name; the region (a ledger's meta.region) places bare names like 财政局. */
export type NameComparer = (name: string, region: string | null) => ComparedName;

// A collective name is written with and without 各 (区直有关单位, 区直各有关单位), a group of
// governments by its places or their governments (各设区市, 各设区市政府, 各设区市人民政府), and a
// level's departments as the level's or its government's (省直各部门, 省政府各部门).
const COLLECTIVE = /各|有关/;
const GOVERNMENT_ENDING = /(?<=[省市县区州盟旗镇乡])(人民)?政府$/;
const GOVERNMENT_DEPARTMENTS = /^([省市县区])(人民)?政府(?=.*部门)/;

/** One spelling for all the ways a group of units is written. */
function groupSpelling(name: string): string {
  return name.replaceAll('各', '').replace(GOVERNMENT_ENDING, '').replace(GOVERNMENT_DEPARTMENTS, '$1直');
}

/** Compared names by the alias table: the built-in one, extended by the given files (later files win). */
export function nameComparer(aliasFiles: readonly string[] = []): NameComparer {
  const table = loadAliases(aliasFiles);
  return (name, region) => {
    const { canonical, renamedFrom, kind } = identifyUnit(name, table, region);
    const collective = kind === 'group' || COLLECTIVE.test(canonical);
    const compared: ComparedName = { canonical: collective ? groupSpelling(canonical) : canonical };
    return renamedFrom === undefined ? compared : { ...compared, renamedFrom };
  };
}

/** A task's units of one role, by canonical unit, each with the name it is written under. */
function unitsOfRole(task: Task, role: Role, region: string | null, compare: NameComparer): Map<string, ComparedName & { name: string }> {
  const units = new Map<string, ComparedName & { name: string }>();
  for (const unit of task.units) {
    if (unit.role !== role) continue;
    const compared = compare(unit.name, region);
    if (!units.has(compared.canonical)) units.set(compared.canonical, { ...compared, name: unit.name });
  }
  return units;
}

/**
 * The units added, dropped and renamed, role by role. Two names of one canonical unit are a
 * rename when either came through a rename (卫计委 → 卫健委); when they are only two ways of
 * writing it (发改委, 发展改革委), nothing changed.
 */
export function unitChanges(
  oldTask: Task,
  newTask: Task,
  regions: { old: string | null; new: string | null },
  compare: NameComparer,
): UnitChange[] {
  return ROLES.flatMap((role) => {
    const before = unitsOfRole(oldTask, role, regions.old, compare);
    const after = unitsOfRole(newTask, role, regions.new, compare);
    const changes: UnitChange[] = [];
    for (const [canonical, unit] of before) {
      const successor = after.get(canonical);
      if (successor === undefined) changes.push({ role, change: 'dropped', name: unit.name });
      else if (successor.name !== unit.name && (unit.renamedFrom ?? successor.renamedFrom) !== undefined) {
        changes.push({ role, change: 'renamed', name: successor.name, from: unit.name });
      }
    }
    for (const [canonical, unit] of after) {
      if (!before.has(canonical)) changes.push({ role, change: 'added', name: unit.name });
    }
    return changes;
  });
}
