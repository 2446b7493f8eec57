import { createRequire } from 'node:module';
import { convertToSimplified } from '../clean/script.js';
import type { Ledger } from '../model.js';

/**
 * What to compare a ledger's text by. Ledgers are simplified already, but a notice that went
 * through traditional script on the way (a Taiwan-style gateway copy) is not always the text it
 * was: 着力 becomes 著力 there, and 著 stays 著 on the way back. When either ledger comes from
 * a text that was not simplified, both sides' texts go through the same round trip, so such
 * characters fold together; otherwise the texts are compared as they are.
 */
export function scriptFold(...ledgers: readonly Ledger[]): (text: string) => string {
  if (ledgers.every((ledger) => ledger.source.script === 'simplified')) return (text) => text;
  // OpenCC's dictionaries take a quarter of a second to load: only a diff across scripts needs them.
  const OpenCC = createRequire(import.meta.url)('opencc-js/cn2t') as typeof import('opencc-js/cn2t');
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  return (text) => convertToSimplified(toTraditional(text));
}
