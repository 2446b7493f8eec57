// placeholder until the read stage lands
export function decodeText(bytes: Uint8Array, _options: { name: string; encoding?: string }): { text: string; encoding: string } {
  return { text: new TextDecoder().decode(bytes), encoding: 'utf-8' };
}
