/**
 * The fields of a PostgreSQL error that callers branch on (the store checks `code`, such
 * as 23505 or 22P05). Errors cross a worker boundary as plain data and are rebuilt here,
 * because structured cloning keeps an Error's message but drops fields like `code`.
 */
const FIELDS = [
  'code',
  'severity',
  'detail',
  'hint',
  'position',
  'where',
  'schema',
  'table',
  'column',
  'constraint',
] as const;

type Field = (typeof FIELDS)[number];

export interface WireError {
  name: string;
  message: string;
  fields: Partial<Record<Field, string>>;
}

/** An error from the database, raised on this side of the worker boundary. */
export class SqlError extends Error {
  override name = 'SqlError';
  code: string | undefined;
  severity: string | undefined;
  detail: string | undefined;
  hint: string | undefined;
  position: string | undefined;
  where: string | undefined;
  schema: string | undefined;
  table: string | undefined;
  column: string | undefined;
  constraint: string | undefined;

  constructor(wire: WireError) {
    super(wire.message);
    this.code = wire.fields.code;
    this.severity = wire.fields.severity;
    this.detail = wire.fields.detail;
    this.hint = wire.fields.hint;
    this.position = wire.fields.position;
    this.where = wire.fields.where;
    this.schema = wire.fields.schema;
    this.table = wire.fields.table;
    this.column = wire.fields.column;
    this.constraint = wire.fields.constraint;
  }
}

export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: WireError['fields'] = {};
  const source = error as unknown as Record<string, unknown>;
  for (const field of FIELDS) {
    const value = source[field];
    if (typeof value === 'string' || typeof value === 'number') fields[field] = String(value);
  }
  return { name: error.name, message: error.message, fields };
}
