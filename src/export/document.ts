import type { Ledger } from '../model.js';

/**
 * The ledger as a plain object with its keys in the contract's order (schema, source, meta,
 * sections, tasks, warnings), then any extra fields, then `dropped` when present.
 */
export function ledgerDocument(ledger: Ledger): Record<string, unknown> {
  const { schema, source, meta, sections, tasks, warnings, dropped, ...extra } = ledger;
  return {
    schema,
    source,
    meta,
    sections,
    tasks,
    warnings,
    ...extra,
    ...(dropped === undefined ? {} : { dropped }),
  };
}
