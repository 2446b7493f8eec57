// Expected unit ledgers computed straight from the gold ledgers, with spellings and group names the
// tests name themselves: nothing here goes through the alias table under test.
import { readFileSync } from 'node:fs';
import type { Ledger, Role, Unit } from '../../src/model.js';

export const SEEDS = {
  '000': 'yancheng-2016',
  '001': 'taishan-2019',
  '002': 'nanchang-2021',
} as const;

export function goldLedger(seed: keyof typeof SEEDS): Ledger {
  const text = readFileSync(new URL(`../../fixtures/gold/${SEEDS[seed]}.json`, import.meta.url), 'utf8');
  return { sections: [], warnings: [], ...JSON.parse(text) };
}

export function noticePath(seed: keyof typeof SEEDS): string {
  return `fixtures/notices/${SEEDS[seed]}.txt`;
}

/** The collective names the issue says a 市-level department belongs to, as these notices write them. */
export const CITY_DEPARTMENT_GROUPS = ['市各有关部门', '市有关部门', '市直各单位', '市政府各部门', '各部门', '各有关部门', '各有关单位'];

export interface ExpectedMatch {
  id: string;
  role: Role;
  collective: boolean;
}

const STRENGTH: readonly Role[] = ['lead', 'responsible', 'support'];

function strongestRole(units: readonly Unit[]): Role {
  return STRENGTH.find((role) => units.some((unit) => unit.role === role))!;
}

/**
 * The tasks a unit carries: those naming it by one of `spellings` (its strongest role there), else
 * those naming one of `groups` (collective, the group's role).
 */
export function expectedMatches(gold: Ledger, spellings: readonly string[], groups: readonly string[] = CITY_DEPARTMENT_GROUPS): ExpectedMatch[] {
  return gold.tasks.flatMap((task) => {
    const own = task.units.filter((unit) => spellings.includes(unit.name));
    const via = own.length > 0 ? own : task.units.filter((unit) => groups.includes(unit.name));
    return via.length === 0 ? [] : [{ id: task.id, role: strongestRole(via), collective: own.length === 0 }];
  });
}
