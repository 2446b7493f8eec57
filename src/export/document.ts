import type { Ledger } from '../model.js';

/** The fields of the contract's ledger (schema taizhang/1), in its order. */
const CONTRACT_FIELDS = ['schema', 'source', 'meta', 'sections', 'tasks', 'warnings'] as const;
type ContractLedger = Pick<Ledger, (typeof CONTRACT_FIELDS)[number]>;

/** The contract's fields of a ledger only, in its order: what the notice's own lines became is parse's business. */
export function contractFields(ledger: Ledger): ContractLedger {
  return Object.fromEntries(CONTRACT_FIELDS.map((field) => [field, ledger[field]])) as ContractLedger;
}

/**
 * The ledger as a plain object with its keys in the contract's order (schema, source, meta,
 * sections, tasks, warnings), then any extra fields, then `dropped` when present.
 */
export function ledgerDocument(ledger: Ledger): Record<string, unknown> {
  const document: Record<string, unknown> = { ...contractFields(ledger) };
  for (const [field, value] of Object.entries(ledger)) if (!(field in document) && field !== 'dropped') document[field] = value;
  if (ledger.dropped !== undefined) document.dropped = ledger.dropped;
  return document;
}
