// Pinyin annotations after Han characters, as some sites print them: 關(guān)於 → 關於.
// Only a lower-case syllable with at least one tone mark counts, so real parentheticals such as
// (PPP), (IPv6), 各鎮(街) and (江蘇) stay.
export const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const SYLLABLE = `[a-zü${TONED}]*[${TONED}][a-zü${TONED}]*`;
// The bracket first, then the Han character before it: a search for the bracket skips the text
// between annotations, where a look-behind first would be tried at every character.
const ANNOTATION = new RegExp(`[(（](?<=[\\u4e00-\\u9fff].)${SYLLABLE}[)）]`, 'g');

/** An opening bracket followed by a lower-case letter: the only place an annotation can start. */
const MAY_ANNOTATE = new RegExp(`[(（][a-zü${TONED}]`);

export function removePinyin(text: string): string {
  return MAY_ANNOTATE.test(text) ? text.replace(ANNOTATION, '') : text;
}
