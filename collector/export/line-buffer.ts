/**
 * Bytes of one page of lines, written straight into one buffer: a page used to be
 * a string built line by line and then encoded, a megabyte of garbage twice over. It
 * grows only when a page holds text wider than its first guess (non-ASCII, long heads).
 */
export class LineBuffer {
  bytes: Buffer;
  at = 0;

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  /** Makes room for `chars` UTF-16 units, which take at most 3 bytes each in UTF-8. */
  reserve(chars: number): void {
    const need = this.at + chars * 3;
    if (need <= this.bytes.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(need, this.bytes.length * 2));
    this.bytes.copy(bigger, 0, 0, this.at);
    this.bytes = bigger;
  }

  /** Appends text already reserved for; returns where it starts. */
  write(text: string): number {
    const from = this.at;
    this.at += this.bytes.write(text, from);
    return from;
  }

  byte(value: number): void {
    this.bytes[this.at++] = value;
  }

  /** What was written; the buffer is not used again. */
  done(): Uint8Array {
    return this.bytes.subarray(0, this.at);
  }
}
