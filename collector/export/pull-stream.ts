/** Text or UTF-8 bytes to send next, or null at the end. */
export type NextChunk = () => Promise<string | Uint8Array | null>;

/**
 * A pull stream: the next chunk is read only when the client has taken the previous
 * one, so a slow download never piles rows up in memory. A failed read errors the
 * stream, which cuts the connection: a truncated file must never look complete.
 */
export function pullStream(
  source: { first?: string | Uint8Array | null; next: NextChunk },
  onError: (error: Error) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending = source.first;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text: string | Uint8Array | null;
        try {
          text = pending === undefined ? await source.next() : pending;
          pending = undefined;
        } catch (error) {
          onError(error as Error);
          controller.error(error);
          return;
        }
        if (text === null) controller.close();
        else controller.enqueue(typeof text === 'string' ? encoder.encode(text) : text);
      },
    },
    { highWaterMark: 0 },
  );
}
