export type LogLevel = 'info' | 'warn' | 'error';

/**
 * Plain values only, and only ones the collector chose: never a body, an event, a
 * label, a token, a query string or an error message (a database error may quote the
 * value it choked on). PRIVACY.md lists what the log holds.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export type Logger = (level: LogLevel, msg: string, fields?: LogFields) => void;

/** One JSON object per line (time, level, msg, then the fields): easy to ship and to grep. */
export function jsonLogger(write: (line: string) => void, now = () => new Date()): Logger {
  return (level, msg, fields = {}) => {
    write(JSON.stringify({ ...fields, time: now().toISOString(), level, msg }, fieldOrder(fields)));
  };
}

/** time, level and msg first, whatever the fields: the columns a reader scans. */
function fieldOrder(fields: LogFields): string[] {
  return ['time', 'level', 'msg', ...Object.keys(fields).filter((key) => !FIRST.has(key))];
}

const FIRST = new Set(['time', 'level', 'msg']);

/**
 * What may be logged of an unexpected error: its class and code (a SQLSTATE, an errno),
 * never its message, which may quote a stored value. Anything not shaped like an
 * identifier might be data, and is dropped.
 */
export function errorFields(error: unknown): LogFields {
  return {
    errorClass: identifier((error as { name?: unknown } | null)?.name),
    errorCode: identifier((error as { code?: unknown } | null)?.code),
  };
}

function identifier(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(text) ? text : undefined;
}
