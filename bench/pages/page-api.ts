import type { TargetCategory } from '../interaction-script';

/** One Event Timing entry, as pages/page-script.js keeps it. */
export type TimingEntry = {
  name: string;
  startTime: number;
  /** processingEnd − processingStart */
  processing: number;
  duration: number;
  interactionId: number;
};

/** What pages/page-script.js puts on `window.__bench`. */
export type BenchPageApi = {
  take(): TimingEntry[];
  primary(): number;
  waitPrimary(count: number, timeoutMs: number): Promise<boolean>;
  prepare(category: TargetCategory, pick: number, count: number): Promise<{ x: number; y: number }>;
  reset(): void;
  counts(): { elements: number; targets: Record<TargetCategory, number> };
};

export type BenchWindow = Window & {
  __bench: BenchPageApi;
  /** Set by the rrweb init script (see rrweb-init.ts). */
  __rrwebEvents?: unknown[];
  __rrwebSnapshotMs?: number;
};
