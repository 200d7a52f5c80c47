-- Imports of joint assessments made in another tool (CSV/XLSX), run as a job so the client can show
-- progress. All or nothing per file: the assessments are written in one transaction, or not at all and
-- the row-by-row error report is kept here. See docs/decisions/009-assessment-imports.md.

CREATE TYPE assessment_import_status AS ENUM ('queued', 'validating', 'importing', 'done', 'failed');

CREATE TABLE assessment_imports (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL,
  user_id uuid NOT NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  layout text NOT NULL CHECK (layout IN ('position', 'factors')),
  status assessment_import_status NOT NULL DEFAULT 'queued',
  total_rows integer NOT NULL CHECK (total_rows >= 0),
  -- Rows handled in the current phase: validating, then importing.
  processed_rows integer NOT NULL DEFAULT 0 CHECK (processed_rows >= 0),
  created_count integer NOT NULL DEFAULT 0 CHECK (created_count >= 0),
  -- The rows as read from the file, waiting for the job; CPR numbers only as their keyed look-up hash.
  -- Cleared when the import ends, either way.
  staged jsonb,
  -- Message keys and parameters, translated when read: { code, params, rows: [{row, field, key, params}], omitted }.
  error_report jsonb,
  -- Where the import was started from: the audit events of the job's writes name it.
  ip text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, round_id) REFERENCES assessment_rounds(municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES users(municipality_id, id),
  CHECK ((status IN ('done', 'failed')) = (finished_at IS NOT NULL)),
  CHECK (status IN ('done', 'failed') OR staged IS NOT NULL)
);
CREATE INDEX assessment_imports_user ON assessment_imports (municipality_id, user_id, created_at);
CREATE INDEX assessment_imports_round ON assessment_imports (municipality_id, round_id);

ALTER TABLE assessment_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assessment_imports
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON assessment_imports TO beskyt_app;
