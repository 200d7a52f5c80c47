-- Notifications (underretninger) to the child-welfare authority, their 24-hour assessment, the decision,
-- attachments, and each municipality's deadline settings. See docs/decisions/ (notifications and deadlines).

-- Every statutory or practice deadline length a municipality may set; the rules themselves are pure
-- functions in src/domain/deadlines/. One row per municipality; missing row = the defaults below.
CREATE TABLE deadline_settings (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  assessment_hours smallint NOT NULL DEFAULT 24 CHECK (assessment_hours BETWEEN 1 AND 168),
  receipt_weekdays smallint NOT NULL DEFAULT 6 CHECK (receipt_weekdays BETWEEN 1 AND 30),
  child_assessment_months smallint NOT NULL DEFAULT 4 CHECK (child_assessment_months BETWEEN 1 AND 12),
  plan_months smallint NOT NULL DEFAULT 3 CHECK (plan_months BETWEEN 1 AND 12),
  follow_up_months smallint NOT NULL DEFAULT 3 CHECK (follow_up_months BETWEEN 1 AND 12),
  youth_plan_age smallint NOT NULL DEFAULT 16 CHECK (youth_plan_age BETWEEN 12 AND 18),
  party_status_age smallint NOT NULL DEFAULT 10 CHECK (party_status_age BETWEEN 6 AND 15),
  constitution_day_off boolean NOT NULL DEFAULT true,
  christmas_eve_off boolean NOT NULL DEFAULT true,
  new_years_eve_off boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (municipality_id)
);

CREATE TYPE notification_source AS ENUM ('professional', 'citizen');
CREATE TYPE notifier_kind AS ENUM ('school', 'daycare', 'health', 'police', 'hospital', 'other');
CREATE TYPE notification_decision AS ENUM ('noFurtherAction', 'screening', 'childAssessment', 'acuteMeasure');

CREATE TABLE notifications (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Short reference the notifier can quote (e.g. U-7K3M9Q), unique per municipality.
  reference text NOT NULL CHECK (reference ~ '^U-[0-9A-Z]{6}$'),
  source notification_source NOT NULL,
  notifier_kind notifier_kind,
  -- A professional's notification: who filed it and from which unit.
  notifier_user_id uuid,
  notifier_unit_id uuid,
  -- A citizen's contact details, unless anonymous.
  anonymous boolean NOT NULL DEFAULT false,
  notifier_name text CHECK (length(notifier_name) <= 200),
  notifier_email text CHECK (length(notifier_email) <= 200),
  notifier_phone text CHECK (length(notifier_phone) <= 40),
  notifier_relation text CHECK (length(notifier_relation) <= 200),
  -- Linked to a concern if one exists (the concerns module, migration 0007); checked by the use-case.
  concern_id uuid,
  -- The child as the notifier identified it, until an intake worker matches it to a child record.
  child_id uuid,
  child_cpr_encrypted bytea,
  child_cpr_hash bytea,
  child_name text CHECK (length(child_name) <= 200),
  child_birth_date date,
  child_address text CHECK (length(child_address) <= 300),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 10000),
  received_at timestamptz NOT NULL DEFAULT now(),
  assessment_due_at timestamptz NOT NULL,
  receipt_due_on date,
  matched_at timestamptz,
  matched_by uuid,
  -- The 24-hour assessment (Barnets Lov § 132-138: the municipality's handling of notifications).
  assessed_at timestamptz,
  assessed_by uuid,
  health_at_risk boolean,
  acute_needed boolean,
  assessment_note text CHECK (length(assessment_note) <= 5000),
  decision notification_decision,
  decided_at timestamptz,
  decided_by uuid,
  decision_note text CHECK (length(decision_note) <= 5000),
  receipt_letter_id uuid,
  receipt_queued_at timestamptz,
  outcome_letter_id uuid,
  outcome_queued_at timestamptz,
  escalated_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, reference),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id),
  FOREIGN KEY (municipality_id, notifier_user_id) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, notifier_unit_id) REFERENCES units(municipality_id, id),
  FOREIGN KEY (municipality_id, assessed_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, decided_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, matched_by) REFERENCES users(municipality_id, id),
  CHECK ((source = 'professional') = (notifier_user_id IS NOT NULL AND notifier_kind IS NOT NULL)),
  CHECK (source = 'citizen' OR NOT anonymous),
  CHECK (NOT anonymous OR (notifier_name IS NULL AND notifier_email IS NULL AND notifier_phone IS NULL)),
  CHECK ((assessed_at IS NULL) = (assessed_by IS NULL)),
  CHECK (assessed_at IS NULL OR (health_at_risk IS NOT NULL AND acute_needed IS NOT NULL)),
  -- A decision is never recorded without the assessment before it.
  CHECK (decision IS NULL OR assessed_at IS NOT NULL),
  CHECK ((decision IS NULL) = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL)),
  CHECK (child_id IS NOT NULL OR child_cpr_hash IS NOT NULL OR child_name IS NOT NULL)
);
-- Other tables (cases) reference a notification by its id alone.
CREATE UNIQUE INDEX notifications_id_key ON notifications (id);
CREATE INDEX notifications_queue ON notifications (municipality_id, assessment_due_at) WHERE decided_at IS NULL;
CREATE INDEX notifications_child ON notifications (municipality_id, child_id, received_at);
CREATE INDEX notifications_cpr ON notifications (municipality_id, child_cpr_hash) WHERE child_cpr_hash IS NOT NULL;
CREATE INDEX notifications_notifier ON notifications (municipality_id, notifier_user_id, received_at);
CREATE INDEX notifications_concern ON notifications (municipality_id, concern_id) WHERE concern_id IS NOT NULL;

CREATE TABLE notification_attachments (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  notification_id uuid NOT NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, notification_id) REFERENCES notifications(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX notification_attachments_notification ON notification_attachments (municipality_id, notification_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['deadline_settings', 'notifications', 'notification_attachments']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;

-- The concerns table arrives in migration 0007; link to it when it is there.
DO $$
BEGIN
  IF to_regclass('public.concerns') IS NOT NULL THEN
    ALTER TABLE notifications ADD FOREIGN KEY (municipality_id, concern_id) REFERENCES concerns(municipality_id, id);
  END IF;
EXCEPTION WHEN invalid_foreign_key THEN
  -- concerns keyed otherwise: the use-case's check stands alone.
  NULL;
END $$;

-- Who may do what: professionals and unit leaders file notifications and follow their own; the authority's
-- caseworkers (the intake team) and their managers run the queue, assess, match and decide; admins set the
-- deadline lengths, which the authority may read.
INSERT INTO role_permissions (role, permission) VALUES
  ('professional', 'write:notification:unit'),
  ('professional', 'read:notification:own'),
  ('unitLeader', 'write:notification:unit'),
  ('unitLeader', 'read:notification:own'),
  ('caseworker', 'read:notification:municipality'),
  ('caseworker', 'assess:notification:municipality'),
  ('caseworkManager', 'read:notification:municipality'),
  ('caseworkManager', 'assess:notification:municipality'),
  ('caseworker', 'read:deadline:municipality'),
  ('caseworkManager', 'read:deadline:municipality'),
  ('admin', 'read:deadline:municipality'),
  ('admin', 'manage:deadline:municipality');
