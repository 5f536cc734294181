/**
 * A call of `fn` with `args` as an expression to evaluate in a page. Functions go to the
 * page as their source text; tsx compiles with esbuild's `keepNames`, which wraps named
 * inner functions in `__name(...)` calls the page does not have, so a stand-in comes along.
 */
export function pageCall<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): string {
  const list = args.map((arg) => JSON.stringify(arg)).join(', ');
  return `(() => { const __name = (target) => target; return (${fn.toString()})(${list}); })()`;
}
