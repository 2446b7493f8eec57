// What a batch can make of each ledger, by name: the registry every command draws on. A rendering
// is plain data, so that it can be sent to a worker thread and made there, beside the parse: only
// text then comes back (batch/produce.ts).

import { exportLedger, type Exported, type ExportOptions, type Format } from '../export/index.js';
import { message } from '../i18n/index.js';
import type { Ledger, Role } from '../model.js';
import type { AliasTable } from '../unit-names/aliases.js';
import type { MatrixFormat } from '../responsibility/formats.js';
import type { UnitLedger } from '../responsibility/unit-ledger.js';
import { quoteName } from './report.js';

/** Which units a unit's ledger is of (`taizhang ledger --unit … --role …`), and the alias tables that name them. */
export interface UnitQuery {
  units: readonly string[];
  roles: readonly Role[] | null;
  /** Alias tables read after the built-in one (--aliases). */
  aliases: readonly string[];
}

/** A rendering of a ledger, by the renderer that makes it and what that renderer needs. */
export type Rendering =
  | { renderer: 'ledger'; format: Format; options: ExportOptions }
  /** The ledger on one line of JSON (--jsonl). */
  | { renderer: 'ledger-line' }
  /** What became of every line (--explain). */
  | { renderer: 'explanation'; width: number }
  | { renderer: 'unit-ledger'; format: Format; options: ExportOptions; query: UnitQuery }
  | { renderer: 'unit-matrix'; format: MatrixFormat; options: ExportOptions; aliases: readonly string[] };

/** What a renderer made: the output, and lines for stderr about it (`<notice>: …`). */
export interface Rendered {
  output: Exported;
  notes?: string[];
}

type Renderers = { [Name in Rendering['renderer']]: (ledger: Ledger, rendering: Extract<Rendering, { renderer: Name }>) => Promise<Rendered> };

/** Alias tables by the files that extend the built-in one: read once per thread, not once per notice. */
const aliasTables = new Map<string, AliasTable>();

async function aliasTable(files: readonly string[]): Promise<AliasTable> {
  const key = JSON.stringify(files);
  let table = aliasTables.get(key);
  if (table === undefined) aliasTables.set(key, (table = (await import('../unit-names/aliases.js')).loadAliases(files)));
  return table;
}

/** A note for each unit asked for that the notice names only through its groups. */
function collectiveOnlyNotes(ledger: UnitLedger, matchesOf: (task: UnitLedger['tasks'][number]) => { unit: string; named: string }[]): string[] {
  return ledger.query.units
    .filter((unit) => unit.found.length === 0)
    .map((unit) => {
      const groups = new Set(ledger.tasks.flatMap((task) => matchesOf(task).filter((match) => match.unit === unit.name).map((match) => match.named)));
      return `${quoteName(ledger.source.name)}: ${message('unit.collectiveOnly', { unit: unit.name, groups: [...groups].join('、') })}`;
    });
}

// Each renderer loads its code on first use: a plain parse pays for no other.
const RENDERERS: Renderers = {
  ledger: async (ledger, { format, options }) => ({ output: await exportLedger(ledger, format, options) }),
  'ledger-line': async (ledger) => ({ output: (await import('../export/json.js')).toJsonLine(ledger) }),
  explanation: async (ledger, { width }) => ({ output: (await import('../export/explain.js')).explainLedger(ledger, { width }) }),
  'unit-ledger': async (ledger, { format, options, query }) => {
    const { matchesOf, unitLedger } = await import('../responsibility/unit-ledger.js');
    const { exportUnitLedger } = await import('../responsibility/export.js');
    const found = unitLedger(ledger, query.units, await aliasTable(query.aliases), query.roles);
    return { output: await exportUnitLedger(found, format, options), notes: collectiveOnlyNotes(found, matchesOf) };
  },
  'unit-matrix': async (ledger, { format, options, aliases }) => {
    const { unitMatrix } = await import('../responsibility/matrix.js');
    const { exportUnitMatrix } = await import('../responsibility/export.js');
    return { output: await exportUnitMatrix(unitMatrix(ledger, await aliasTable(aliases)), format, options) };
  },
};

export function render(ledger: Ledger, rendering: Rendering): Promise<Rendered> {
  // The registry's type pairs each name with its own rendering; TypeScript cannot follow the pair through a lookup.
  const renderer = RENDERERS[rendering.renderer] as (ledger: Ledger, rendering: Rendering) => Promise<Rendered>;
  return renderer(ledger, rendering);
}
