export interface Migration {
  id: string;
  /** Run one by one, in order, inside one transaction. Plain PostgreSQL: PGlite and server alike. */
  statements: string[];
}

/** Append only: never edit a migration that has shipped; add a new one. */
export const migrations: Migration[] = [
  {
    id: '0001-participants-sessions-events',
    statements: [
      `create table participants (
        id text primary key,
        study_id text not null,
        token_hash text not null unique,
        consent_version text not null,
        extension_version text not null,
        created_at timestamptz not null default now(),
        erased_at timestamptz
      )`,
      `create table sessions (
        id text primary key,
        participant_id text not null references participants (id),
        study_id text not null,
        started_at bigint not null,
        first_seen timestamptz not null default now()
      )`,
      `create table events (
        session_id text not null references sessions (id),
        seq integer not null,
        participant_id text not null,
        study_id text not null,
        t bigint not null,
        kind text not null,
        extension_version text not null,
        consent_version text not null,
        body jsonb not null,
        received_at timestamptz not null default now(),
        primary key (session_id, seq)
      )`,
      // Serves the export's keyset pagination: one study, in (participant, session, seq) order.
      'create index events_export on events (study_id, participant_id, session_id, seq)',
    ],
  },
  {
    id: '0002-participant-consents',
    statements: [
      // A participant may agree to several consent versions as a study's consent changes;
      // participants.consent_version stays the one they joined under.
      `create table participant_consents (
        participant_id text not null references participants (id),
        consent_version text not null,
        agreed_at timestamptz not null default now(),
        primary key (participant_id, consent_version)
      )`,
      // They agreed when they joined. Erased participants get no row: erasure deletes them.
      `insert into participant_consents (participant_id, consent_version, agreed_at)
       select id, consent_version, created_at from participants where erased_at is null`,
    ],
  },
  {
    id: '0003-idempotency-keys',
    statements: [
      // One row per Idempotency-Key of POST /v1/uploads, scoped to the participant (the
      // token): status null while the request is in flight, then the 2xx answer to replay.
      // created_at is when the current claim was made; a stale in-flight claim is taken over.
      `create table idempotency_keys (
        participant_id text not null references participants (id),
        key text not null,
        request_hash text not null,
        status integer,
        response jsonb,
        created_at timestamptz not null default now(),
        primary key (participant_id, key)
      )`,
    ],
  },
  {
    id: '0004-tokens',
    statements: [
      // Annotator and researcher access tokens made with `token create`; the token itself
      // is never stored, only its SHA-256. Revoked rows stay, so `token list` shows them.
      `create table tokens (
        id text primary key,
        role text not null check (role in ('annotator', 'researcher')),
        token_hash text not null unique,
        label text not null default '',
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      )`,
    ],
  },
  {
    id: '0005-session-tasks',
    statements: [
      // Each session's task list as the volunteer and as an annotator last saved it. The
      // version grows by one per save; a save must name the version it was edited from.
      `create table session_tasks (
        session_id text not null references sessions (id),
        by text not null check (by in ('volunteer', 'annotator')),
        version integer not null,
        tasks jsonb not null,
        updated_at timestamptz not null default now(),
        primary key (session_id, by)
      )`,
      // Serves GET /v1/sessions and the episodes export: one study's sessions in id order.
      'create index sessions_by_study on sessions (study_id, id)',
    ],
  },
];
