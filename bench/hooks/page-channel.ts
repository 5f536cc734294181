/** DOM events the bench's page scripts and the bench build's content script talk over. */
export const BENCH_REQUEST = 'tasktrace-bench:request';
export const BENCH_RESPONSE = 'tasktrace-bench:response';

export type BenchRequest = { id: number; cmd: string; [key: string]: unknown };

/**
 * Answers requests dispatched on the document by the page. Both sides share the DOM
 * but not JavaScript objects, so requests and answers travel as JSON strings.
 */
export function answerBenchRequests(
  handle: (request: BenchRequest) => Promise<unknown> | unknown,
): void {
  document.addEventListener(BENCH_REQUEST, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    const request = JSON.parse(detail) as BenchRequest;
    void Promise.resolve()
      .then(() => handle(request))
      .then(
        (value) => ({ id: request.id, ok: true, value }),
        (error: unknown) => ({ id: request.id, ok: false, error: String(error) }),
      )
      .then((answer) => {
        document.dispatchEvent(new CustomEvent(BENCH_RESPONSE, { detail: JSON.stringify(answer) }));
      });
  });
}
