/** How much `npm run bench` measures; every knob is an environment variable. */
export type BenchConfig = {
  /** BENCH_QUICK=1: a smoke run of a minute or two, figures not meant to be quoted. */
  quick: boolean;
  /** BENCH_ROUNDS: interleaved rounds per page size in part 1 (30 or more for real). */
  rounds: number;
  /** BENCH_INTERACTIONS: scripted interactions per round, shared among the page sizes. */
  interactions: number;
  /** BENCH_SIZES: generated page sizes in elements, comma-separated. */
  sizes: number[];
  /** BENCH_STARTUPS: fresh loads of the largest page for the start-up figure. */
  startups: number;
  /** BENCH_SESSION_SECONDS: length of the human-paced session whose trace is sized. */
  sessionSeconds: number;
  /** BENCH_INGEST_SECONDS: how long the background ingest is loaded. */
  ingestSeconds: number;
  /** BENCH_SKIP_BUILD=1: reuse the extension builds already in .output (or TASKTRACE_OUT_DIR). */
  skipBuild: boolean;
  /** BENCH_ONLY: run only these parts, e.g. `3,4` (all when unset). */
  only: Set<number> | null;
  /** BENCH_OUT: folder for results.md and results.json (default bench/). */
  outDir: string | null;
};

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  }
  return value;
}

export function readConfig(env: Env): BenchConfig {
  const quick = env.BENCH_QUICK === '1';
  const sizes = (env.BENCH_SIZES ?? '1000,10000,100000')
    .split(',')
    .map((part) => Number(part.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 500)) {
    throw new Error(`BENCH_SIZES must list page sizes ≥ 500, got "${env.BENCH_SIZES}"`);
  }
  const only = env.BENCH_ONLY
    ? new Set(env.BENCH_ONLY.split(',').map((part) => Number(part.trim())))
    : null;
  return {
    quick,
    rounds: integer(env, 'BENCH_ROUNDS', quick ? 3 : 30),
    // 200 a round, shared among the page sizes: 30 rounds × 3 configurations × 200 is
    // 18,000 real interactions, about 13 minutes of the run on a 2-core machine.
    interactions: integer(env, 'BENCH_INTERACTIONS', quick ? 45 : 200),
    sizes: sizes.sort((a, b) => a - b),
    startups: integer(env, 'BENCH_STARTUPS', quick ? 2 : 5),
    sessionSeconds: integer(env, 'BENCH_SESSION_SECONDS', quick ? 15 : 60),
    ingestSeconds: integer(env, 'BENCH_INGEST_SECONDS', quick ? 5 : 60),
    skipBuild: env.BENCH_SKIP_BUILD === '1',
    only,
    outDir: env.BENCH_OUT ?? null,
  };
}

/** Whether part `n` (1…6) runs. */
export function runsPart(config: BenchConfig, part: number): boolean {
  return config.only === null || config.only.has(part);
}
