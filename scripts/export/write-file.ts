import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

export interface WrittenFile {
  bytes: number;
  /** Newline characters: the lines of a JSONL file that ends with one. */
  lines: number;
  sha256: string;
  /** Whether the last byte is a newline (true for an empty file): a JSONL file cut short is not. */
  endsWithNewline: boolean;
}

const NEWLINE = 0x0a;

/**
 * Streams an answer to a new file, decompressing it if the collector gzipped it, and
 * hashes and counts what is written on the way: one pass, a chunk in memory at a time,
 * however large the file. `onLines` hears the running line count after each chunk.
 */
export async function writeAnswer(
  response: IncomingMessage,
  path: string,
  onLines: (lines: number) => void = () => {},
): Promise<WrittenFile> {
  const hash = createHash('sha256');
  const written: WrittenFile = { bytes: 0, lines: 0, sha256: '', endsWithNewline: true };
  const tally = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      written.bytes += chunk.length;
      for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) {
        written.lines += 1;
      }
      if (chunk.length > 0) written.endsWithNewline = chunk[chunk.length - 1] === NEWLINE;
      onLines(written.lines);
      done(null, chunk);
    },
  });
  // `wx`: a temporary name of our own; never write through a file someone else made.
  const file = createWriteStream(path, { flags: 'wx' });
  const encoding = response.headers['content-encoding'];
  if (encoding === 'gzip' || encoding === 'x-gzip') {
    await pipeline(response, createGunzip(), tally, file);
  } else {
    await pipeline(response, tally, file);
  }
  written.sha256 = hash.digest('hex');
  return written;
}
