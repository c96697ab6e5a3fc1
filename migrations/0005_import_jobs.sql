-- Long imports run as jobs: the caller gets an id at once and follows the progress; the summary is kept.
CREATE TABLE import_job (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_by text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  format text NOT NULL,
  dry_run boolean NOT NULL,
  atomic_mode text NOT NULL,
  bytes_total bigint,
  rows_total integer,
  bytes_read bigint NOT NULL DEFAULT 0,
  rows_read integer NOT NULL DEFAULT 0,
  summary jsonb,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX import_job_creator ON import_job (created_by, created_at DESC);
