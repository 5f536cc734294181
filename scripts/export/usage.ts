export const USAGE = `Usage: npm run export -- --collector URL --study ID --out DIR [options]

Downloads a study's dataset from a tasktrace collector into DIR, as four files:
  <format>.jsonl   the data, one JSON object a line (events.jsonl or episodes.jsonl)
  schema.json      the JSON Schema (draft 2020-12) each line validates against
  datasheet.md     counts, dates, capture level, consent versions, the action space and
                   schema version, what is and is never recorded, withdrawal note; with a
                   Hugging Face dataset-card header
  manifest.json    each file's name, size, line count and SHA-256, with the filters used

Options:
  --collector URL  the collector, e.g. http://127.0.0.1:8787
  --study ID       the study to export
  --out DIR        where to write the files (created if missing; existing export files
                   there are replaced only once the new ones are complete)
  --format F       events (one event a line, the default) or episodes (one task a line:
                   its steps as actions an agent could take, with their observations)
  --from WHEN      only sessions that started at or after WHEN
  --to WHEN        only sessions that started before WHEN
                   WHEN is a date (2026-01-31, meaning 00:00 UTC) or a date-time with a
                   time zone (2026-01-31T12:00:00Z)
  --annotated      only sessions an annotator saved tasks for
  --token T        the researcher token; better set TASKTRACE_RESEARCHER_TOKEN, as a
                   command line is visible to other users of the machine
  -h, --help       this text

The researcher token is printed on the collector's machine by
  npm run collector -- token --data <data folder>
`;
