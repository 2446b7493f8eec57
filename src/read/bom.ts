// Byte order marks: the one thing that settles an encoding before anything else.

const BYTE_ORDER_MARKS: readonly { bytes: readonly number[]; label: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], label: 'utf-8' },
  { bytes: [0xff, 0xfe], label: 'utf-16le' },
  { bytes: [0xfe, 0xff], label: 'utf-16be' },
];

export function bomLabel(bytes: Uint8Array): string | null {
  return BYTE_ORDER_MARKS.find(({ bytes: bom }) => bom.every((b, i) => bytes[i] === b))?.label ?? null;
}
