-- The letters outbox: every letter to a citizen (receipts to notifiers, caseworker-change letters …) is
-- rendered to PDF when it is queued and kept here with its status. A sender job claims queued letters with
-- FOR UPDATE SKIP LOCKED and hands them to a transport (file drop; the national Digital Post adapter
-- point). See docs/decisions/010-letters-outbox.md.

CREATE TYPE letter_status AS ENUM ('queued', 'sent', 'failed');

CREATE TABLE letters (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- What the letter is for, e.g. notificationReceipt, caseworkerChange.
  kind text NOT NULL CHECK (kind ~ '^[a-zA-Z]{1,40}$'),
  -- Set by the caller; the same key never queues a second letter (a rerun sends nothing twice).
  idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  template text NOT NULL CHECK (template ~ '^[a-zA-Z]{1,40}$'),
  data jsonb NOT NULL,
  subject text NOT NULL,
  recipient_name text NOT NULL,
  recipient_address text[] NOT NULL DEFAULT '{}',
  child_id uuid,
  guardian_id uuid,
  -- The rendered letter: what was queued is exactly what is sent.
  pdf bytea NOT NULL,
  status letter_status NOT NULL DEFAULT 'queued',
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  transport text,
  transport_ref text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, idempotency_key),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id),
  FOREIGN KEY (municipality_id, guardian_id) REFERENCES guardians(municipality_id, id)
);
CREATE UNIQUE INDEX letters_id_key ON letters (id);
-- The sender's claim: queued letters whose time has come, oldest first.
CREATE INDEX letters_due ON letters (next_attempt_at, created_at) WHERE status = 'queued';
CREATE INDEX letters_list ON letters (municipality_id, created_at DESC);
CREATE INDEX letters_child ON letters (municipality_id, child_id);

ALTER TABLE letters ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON letters
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON letters TO beskyt_app;

INSERT INTO role_permissions (role, permission) VALUES
  ('caseworkManager', 'read:letter:municipality'),
  ('caseworkManager', 'manage:letter:municipality');
