const number = (value: number) => value.toLocaleString('en-US');

/** How often a terminal bar repaints: often enough to look alive, rarely enough to cost nothing. */
const PAINT_MS = 100;
const WIDTH = 30;

export interface Progress {
  update(done: number): void;
  finish(done: number): void;
}

/**
 * A progress bar on stderr: repainted in place on a terminal; on anything else (a log,
 * CI), a plain line at each tenth of the way, so logs stay short and readable.
 */
export function progressBar(stream: NodeJS.WriteStream, total: number, unit: string): Progress {
  const tty = stream.isTTY === true;
  let painted = 0;
  let lastTenth = -1;
  const fraction = (done: number) => (total > 0 ? Math.min(1, done / total) : 1);
  const text = (done: number) =>
    `${unit}: ${number(done)} of ${number(total)} (${Math.floor(fraction(done) * 100)}%)`;

  const paint = (done: number) => {
    const filled = Math.round(fraction(done) * WIDTH);
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${text(done)}\x1b[K`);
  };

  return {
    update(done) {
      if (tty) {
        const now = Date.now();
        if (now - painted < PAINT_MS) return;
        painted = now;
        paint(done);
        return;
      }
      const tenth = Math.floor(fraction(done) * 10);
      if (tenth > lastTenth && tenth < 10) {
        lastTenth = tenth;
        stream.write(`${text(done)}\n`);
      }
    },
    finish(done) {
      if (tty) {
        paint(done);
        stream.write('\n');
      } else {
        stream.write(`${text(done)}\n`);
      }
    },
  };
}
