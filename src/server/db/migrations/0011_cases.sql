-- Cases (sager) at the child-welfare authority: the § 20 child assessment with its deadline, child
-- conversations, measures, barnets plan with goals tied to protective factors, follow-ups, a timeline;
-- access grants across teams; caseworker changes (bulk reassignment with a letter to every family).
-- Deadline lengths come from deadline_settings (migration 0010) through src/domain/deadlines/.

CREATE TYPE case_status AS ENUM ('open', 'closed');

CREATE TABLE cases (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  reference text NOT NULL CHECK (reference ~ '^S-[0-9A-Z]{6}$'),
  child_id uuid NOT NULL,
  -- The notification the case was opened from; none when opened directly.
  notification_id uuid,
  team_id uuid NOT NULL,
  caseworker_id uuid NOT NULL,
  -- The day the municipality became aware of the need: the § 20 deadline runs from it.
  aware_on date NOT NULL,
  status case_status NOT NULL DEFAULT 'open',
  -- § 20 child assessment: due date fixed when the case opens (the municipality's setting then).
  assessment_due_on date NOT NULL,
  assessment_completed_on date,
  assessment_summary text CHECK (length(assessment_summary) <= 10000),
  -- Required once the deadline has passed without a finished assessment.
  preliminary_assessment text CHECK (length(preliminary_assessment) <= 10000),
  preliminary_recorded_on date,
  closed_on date,
  closed_reason text CHECK (length(closed_reason) <= 2000),
  opened_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, reference),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id),
  FOREIGN KEY (municipality_id, notification_id) REFERENCES notifications(municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES teams(municipality_id, id),
  FOREIGN KEY (municipality_id, caseworker_id) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, opened_by) REFERENCES users(municipality_id, id),
  CHECK ((assessment_completed_on IS NULL) = (assessment_summary IS NULL)),
  CHECK ((preliminary_assessment IS NULL) = (preliminary_recorded_on IS NULL)),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
  CHECK (assessment_due_on >= aware_on)
);
CREATE UNIQUE INDEX cases_id_key ON cases (id);
-- A notification opens at most one case.
CREATE UNIQUE INDEX cases_notification ON cases (municipality_id, notification_id) WHERE notification_id IS NOT NULL;
CREATE INDEX cases_team ON cases (municipality_id, team_id, status);
CREATE INDEX cases_caseworker ON cases (municipality_id, caseworker_id, status);
CREATE INDEX cases_child ON cases (municipality_id, child_id);

-- A user outside the case's team given access to it by a manager (e.g. a substitute, a specialist).
CREATE TABLE case_access_grants (
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  user_id uuid NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  granted_by uuid NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, case_id, user_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, user_id) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, granted_by) REFERENCES users(municipality_id, id)
);
CREATE INDEX case_access_grants_user ON case_access_grants (municipality_id, user_id);

-- § 8: the conversation with the child before decisions — held, declined by the child, or not held and why.
CREATE TABLE child_conversations (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('held', 'declined', 'notHeld')),
  on_date date NOT NULL,
  note text CHECK (length(note) <= 5000),
  reason_not_held text CHECK (length(reason_not_held) <= 2000),
  recorded_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, recorded_by) REFERENCES users(municipality_id, id),
  CHECK (outcome <> 'notHeld' OR reason_not_held IS NOT NULL)
);
CREATE INDEX child_conversations_case ON child_conversations (municipality_id, case_id);

-- Measures decided in the case: § 32 support measures start the plan (§ 91) and follow-up (§ 95) deadlines.
CREATE TABLE case_measures (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  section text NOT NULL CHECK (section IN ('s30', 's32')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  starts_on date NOT NULL,
  ends_on date,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, created_by) REFERENCES users(municipality_id, id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX case_measures_case ON case_measures (municipality_id, case_id, starts_on);

-- Barnets plan / ungeplanen: one current plan per case, edited with optimistic locking.
CREATE TABLE case_plans (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('childPlan', 'youthPlan')),
  child_wishes text NOT NULL CHECK (length(child_wishes) BETWEEN 1 AND 5000),
  made_on date NOT NULL,
  created_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, case_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, created_by) REFERENCES users(municipality_id, id)
);

-- A concrete goal and the protective factors (codes of the published catalogue) it aims to strengthen.
CREATE TABLE plan_goals (
  municipality_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  position smallint NOT NULL CHECK (position BETWEEN 1 AND 50),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  factor_codes text[] NOT NULL CHECK (cardinality(factor_codes) BETWEEN 1 AND 20),
  PRIMARY KEY (municipality_id, plan_id, position),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES case_plans(municipality_id, id) ON DELETE CASCADE
);

-- § 95 follow-ups: the first one is scheduled when a § 32 measure starts.
CREATE TABLE case_follow_ups (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  measure_id uuid,
  due_on date NOT NULL,
  held_on date,
  note text CHECK (length(note) <= 5000),
  held_by uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, measure_id) REFERENCES case_measures(municipality_id, id) ON DELETE CASCADE,
  CHECK ((held_on IS NULL) = (held_by IS NULL))
);
CREATE INDEX case_follow_ups_case ON case_follow_ups (municipality_id, case_id, due_on);

-- The case timeline: one row per thing that happened, written with the change.
CREATE TABLE case_events (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind ~ '^[a-zA-Z]{1,40}$'),
  actor_id uuid,
  detail jsonb,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX case_events_case ON case_events (municipality_id, case_id, at);

CREATE TYPE caseworker_change_status AS ENUM ('proposed', 'running', 'done');

-- A caseworker leaving: the proposal, the manager's confirmed assignment per case, and the job's progress.
CREATE TABLE caseworker_changes (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  leaving_user_id uuid NOT NULL,
  effective_on date NOT NULL,
  status caseworker_change_status NOT NULL DEFAULT 'proposed',
  total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
  processed integer NOT NULL DEFAULT 0 CHECK (processed >= 0),
  letters_queued integer NOT NULL DEFAULT 0 CHECK (letters_queued >= 0),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_by uuid,
  confirmed_at timestamptz,
  finished_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, leaving_user_id) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, confirmed_by) REFERENCES users(municipality_id, id),
  CHECK ((status = 'proposed') = (confirmed_at IS NULL)),
  CHECK ((status = 'done') = (finished_at IS NOT NULL))
);
CREATE UNIQUE INDEX caseworker_changes_id_key ON caseworker_changes (id);
-- One change under way per leaving caseworker.
CREATE UNIQUE INDEX caseworker_changes_one_open ON caseworker_changes (municipality_id, leaving_user_id)
  WHERE status <> 'done';

CREATE TABLE caseworker_change_items (
  municipality_id uuid NOT NULL,
  change_id uuid NOT NULL,
  case_id uuid NOT NULL,
  proposed_user_id uuid,
  target_user_id uuid,
  done_at timestamptz,
  PRIMARY KEY (municipality_id, change_id, case_id),
  FOREIGN KEY (municipality_id, change_id) REFERENCES caseworker_changes(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id),
  FOREIGN KEY (municipality_id, proposed_user_id) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, target_user_id) REFERENCES users(municipality_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cases', 'case_access_grants', 'child_conversations', 'case_measures', 'case_plans',
    'plan_goals', 'case_follow_ups', 'case_events', 'caseworker_changes', 'caseworker_change_items']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;

-- Cases: a caseworker reads and writes the cases of their teams (and those they were given access to);
-- a casework manager also manages them (access grants, caseworker changes); compliance is aggregates.
INSERT INTO role_permissions (role, permission) VALUES
  ('caseworker', 'read:case:team'),
  ('caseworker', 'write:case:team'),
  ('caseworkManager', 'read:case:team'),
  ('caseworkManager', 'write:case:team'),
  ('caseworkManager', 'manage:case:team'),
  ('caseworkManager', 'read:compliance:municipality'),
  ('analyst', 'read:compliance:municipality');
