/**
 * A task's id in the dataset: its session and first step. Stable across exports as
 * long as the boundaries stay, and the same in events.jsonl and episodes.jsonl.
 */
export function taskId(sessionId: string, start: number): string {
  return `${sessionId}:${start}`;
}
