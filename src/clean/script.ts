import * as OpenCC from 'opencc-js/t2cn';
import type { Script } from '../model.js';

// OpenCC's plain `t` table, not `tw`: gateway sites that turn mainland pages traditional write 着 as
// 著, and `tw` would give back 着力 where the original text had 著力.
let toSimplified: ((text: string) => string) | undefined;

export function convertToSimplified(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

const HAN = /[\u4e00-\u9fff]/;
/** Share of Han characters OpenCC changed above which a text counts as traditional. */
const TRADITIONAL_SHARE = 0.05;

/** Which script the original was in, judged by how much of it OpenCC had to change. */
export function scriptOf(original: string, simplified: string): Script {
  let han = 0;
  let changed = 0;
  const length = Math.min(original.length, simplified.length);
  for (let i = 0; i < length; i++) {
    const ch = original[i]!;
    if (!HAN.test(ch)) continue;
    han++;
    if (ch !== simplified[i]) changed++;
  }
  if (changed === 0) return 'simplified';
  return changed / han > TRADITIONAL_SHARE ? 'traditional' : 'mixed';
}
