/**
 * A text rewritten in place as UTF-16 code units: copied in at once (natively: a copy a code unit
 * at a time in JavaScript cost more than the scans that decide what changes), changed unit by
 * unit, and read back as one flat string. Built by concatenation, a changed line would be a rope,
 * flattened (copied) by whatever read it next. It grows with the longest line.
 */
export class CodeUnitBuffer {
  units: Uint16Array = new Uint16Array(4096);
  /** The same memory, for Buffer's native string copies. */
  private bytes = Buffer.from(this.units.buffer);

  /** The units, with room for `needed` and the first `kept` kept. */
  reserve(needed: number, kept: number): Uint16Array {
    if (needed <= this.units.length) return this.units;
    const larger = new Uint16Array(Math.max(needed, this.units.length * 2));
    larger.set(this.units.subarray(0, kept));
    this.bytes = Buffer.from(larger.buffer);
    return (this.units = larger);
  }

  /** `text` written from unit `at` on (room for it reserved). */
  write(text: string, at: number): void {
    this.bytes.write(text, at * 2, 'utf16le');
  }

  /** `text` copied in: the units to change it in. */
  copyOf(text: string): Uint16Array {
    const units = this.reserve(text.length, 0);
    this.write(text, 0);
    return units;
  }

  /** The first `length` units as a string. Not TextDecoder: it would drop a leading U+FEFF and replace lone surrogates. */
  text(length: number): string {
    return this.bytes.toString('utf16le', 0, length * 2);
  }
}
