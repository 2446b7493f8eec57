import { createRequire } from 'node:module';
import type { Script } from '../model.js';
import { TRADITIONAL_CHARS } from './traditional-chars.js';

// OpenCC's plain `t` table, not `tw`: gateway sites that turn mainland pages traditional write 着 as
// 著, and `tw` would give back 着力 where the original text had 著力.
let toSimplified: ((text: string) => string) | undefined;

// OpenCC's dictionaries are most of the start-up time; a simplified notice never needs them.
function converter(): (text: string) => string {
  const OpenCC = () => createRequire(import.meta.url)('opencc-js/t2cn') as typeof import('opencc-js/t2cn');
  return (toSimplified ??= OpenCC().Converter({ from: 't', to: 'cn' }));
}

// A bitmap over the Basic Multilingual Plane: one look-up per character, far faster than a
// regular expression with thousands of alternatives.
const TRADITIONAL_BMP = new Uint8Array(0x10000);
const TRADITIONAL_ASTRAL = new Set<number>();
for (const ch of TRADITIONAL_CHARS) {
  const code = ch.codePointAt(0)!;
  if (code < 0x10000) TRADITIONAL_BMP[code] = 1;
  else TRADITIONAL_ASTRAL.add(code);
}

/** Whether a text holds any character that OpenCC would turn simplified. */
export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (TRADITIONAL_BMP[code]) return true;
    if (code >= 0xd800 && code < 0xdc00 && TRADITIONAL_ASTRAL.has(text.codePointAt(i)!)) return true;
  }
  return false;
}

export function convertToSimplified(text: string): string {
  return hasTraditional(text) ? converter()(text) : text;
}

/** Share of Han characters OpenCC changed above which a text counts as traditional. */
const TRADITIONAL_SHARE = 0.05;

/** Which script the original was in, judged by how much of it OpenCC had to change. */
export function scriptOf(original: string, simplified: string): Script {
  if (original === simplified) return 'simplified';
  let han = 0;
  let changed = 0;
  const length = Math.min(original.length, simplified.length);
  for (let i = 0; i < length; i++) {
    const code = original.charCodeAt(i);
    if (code < 0x4e00 || code > 0x9fff) continue;
    han++;
    if (code !== simplified.charCodeAt(i)) changed++;
  }
  if (changed === 0) return 'simplified';
  return changed / han > TRADITIONAL_SHARE ? 'traditional' : 'mixed';
}
