// Text decoded with the wrong table, or characters lost on the way: replacement characters,
// question marks standing inside Chinese text, and the classic GBK/UTF-8 garbage runs.
const MOJIBAKE = /\ufffd|(?<=[\u4e00-\u9fff])\?+(?=[\u4e00-\u9fff!"a-zā-ǜ])|锟斤拷|烫烫烫|屯屯屯|[鈥銆锛]{2,}/;

/** Characters one of which every mojibake run holds: most lines are rejected by this alone. */
export const SUSPECT_CHARS = '?\ufffd锟烫屯鈥銆锛';
const SUSPECT = new RegExp(`[${SUSPECT_CHARS}]`);

/** The first mojibake run in a raw line, or null. */
export function findMojibake(line: string): string | null {
  if (!SUSPECT.test(line)) return null;
  const match = MOJIBAKE.exec(line);
  return match ? line.slice(Math.max(0, match.index - 4), match.index + match[0].length + 4) : null;
}
