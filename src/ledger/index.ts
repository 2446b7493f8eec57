import type { Ledger, Outline } from '../model.js';

// placeholder until the ledger stage lands
export function buildLedger(o: Outline): Ledger {
  return { schema: 'taizhang/1', source: o.source, meta: { title: null, noticeTitle: null, issuer: null, docNumber: null, date: null, year: null, region: null, recipients: [] }, sections: [], tasks: [], warnings: o.warnings };
}
