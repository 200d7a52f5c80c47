-- Consent and interdisciplinary meetings (issue 4, parts 4–6 and 8). The sharing rule that decides who may
-- see a named child through a meeting lives in src/domain/sharing. See docs/decisions (consent and meetings).

-- Written consent from the person(s) with custody (guardian_ids, each with custody in the register) and,
-- where relevant, the young person. It names the kinds of information, the recipients (units and/or
-- professions) and the purpose, and is valid from/to. Withdrawal and expiry end the access it gave;
-- expired_at is set by the job that enforces expiry (the rule itself also reads valid_to).
CREATE TABLE consents (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL,
  guardian_ids uuid[] NOT NULL DEFAULT '{}',
  young_person boolean NOT NULL DEFAULT false,
  info_kinds text[] NOT NULL CHECK (cardinality(info_kinds) >= 1),
  recipient_unit_ids uuid[] NOT NULL DEFAULT '{}',
  recipient_professions text[] NOT NULL DEFAULT '{}',
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 1000),
  signed_on date NOT NULL,
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid,
  withdrawal_note text CHECK (length(withdrawal_note) <= 500),
  expired_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  CHECK (valid_to >= valid_from),
  CHECK (cardinality(recipient_unit_ids) + cardinality(recipient_professions) >= 1),
  CHECK (cardinality(guardian_ids) >= 1 OR young_person),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, created_by) REFERENCES users(municipality_id, id)
);
CREATE INDEX consents_child ON consents (municipality_id, child_id, valid_to);
CREATE INDEX consents_expiry ON consents (municipality_id, valid_to) WHERE withdrawn_at IS NULL AND expired_at IS NULL;

-- A meeting for a unit or a district, organised by a leader.
CREATE TABLE meetings (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  unit_id uuid,
  district_id uuid,
  meeting_on date NOT NULL,
  starts_at time,
  organiser_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  CHECK ((unit_id IS NULL) <> (district_id IS NULL)),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units(municipality_id, id),
  FOREIGN KEY (municipality_id, district_id) REFERENCES districts(municipality_id, id),
  FOREIGN KEY (municipality_id, organiser_id) REFERENCES users(municipality_id, id)
);
CREATE INDEX meetings_date ON meetings (municipality_id, meeting_on);
CREATE INDEX meetings_unit ON meetings (municipality_id, unit_id, meeting_on);

CREATE TABLE meeting_participants (
  municipality_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  user_id uuid NOT NULL,
  profession text NOT NULL CHECK (profession IN
    ('leader', 'teacher', 'pedagogue', 'socialWorker', 'healthVisitor', 'ppr', 'ssp', 'other')),
  PRIMARY KEY (municipality_id, meeting_id, user_id),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meetings(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, user_id) REFERENCES users(municipality_id, id)
);
CREATE INDEX meeting_participants_user ON meeting_participants (municipality_id, user_id);

-- An agenda item: a named child (with the basis that allows sharing: a consent, or the legal basis for
-- sharing among these professions in early preventive work) or an anonymous consultation (no child).
-- Minutes in three columns, a 0–10 scaling, decisions, a follow-up date and, at follow-up, did it help.
CREATE TABLE meeting_items (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL,
  position smallint NOT NULL CHECK (position BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('named', 'anonymous')),
  child_id uuid,
  basis text CHECK (basis IN ('consent', 'legalBasis')),
  consent_id uuid,
  -- A further meeting about the child under the legal basis needs a recorded reason.
  follow_up_reason text CHECK (length(follow_up_reason) BETWEEN 1 AND 1000),
  concern_id uuid,
  topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 1000),
  worried text NOT NULL DEFAULT '' CHECK (length(worried) <= 4000),
  working_well text NOT NULL DEFAULT '' CHECK (length(working_well) <= 4000),
  next_steps text NOT NULL DEFAULT '' CHECK (length(next_steps) <= 4000),
  scaling smallint CHECK (scaling BETWEEN 0 AND 10),
  decisions text NOT NULL DEFAULT '' CHECK (length(decisions) <= 4000),
  follow_up_on date,
  helped text CHECK (helped IN ('yes', 'partly', 'no')),
  scaling_after smallint CHECK (scaling_after BETWEEN 0 AND 10),
  followed_up_at timestamptz,
  followed_up_by uuid,
  minutes_by uuid,
  minutes_at timestamptz,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, meeting_id, position),
  CHECK ((kind = 'named') = (child_id IS NOT NULL)),
  CHECK ((kind = 'named') = (basis IS NOT NULL)),
  CHECK ((basis = 'consent') = (consent_id IS NOT NULL)),
  CHECK ((helped IS NULL) = (followed_up_at IS NULL)),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meetings(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, consent_id) REFERENCES consents(municipality_id, id),
  FOREIGN KEY (municipality_id, concern_id) REFERENCES concerns(municipality_id, id)
);
CREATE INDEX meeting_items_child ON meeting_items (municipality_id, child_id) WHERE child_id IS NOT NULL;
CREATE INDEX meeting_items_concern ON meeting_items (municipality_id, concern_id) WHERE concern_id IS NOT NULL;
CREATE INDEX meeting_items_consent ON meeting_items (municipality_id, consent_id) WHERE consent_id IS NOT NULL;

-- An agreed action: always an owner and a due date.
CREATE TABLE meeting_actions (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  owner_id uuid NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'inProgress', 'done', 'cancelled')),
  done_on date,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  CHECK ((status = 'done') = (done_on IS NOT NULL)),
  FOREIGN KEY (municipality_id, item_id) REFERENCES meeting_items(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, owner_id) REFERENCES users(municipality_id, id)
);
CREATE INDEX meeting_actions_owner ON meeting_actions (municipality_id, owner_id, status, due_on);
CREATE INDEX meeting_actions_item ON meeting_actions (municipality_id, item_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['consents', 'meetings', 'meeting_participants', 'meeting_items', 'meeting_actions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;

INSERT INTO role_permissions (role, permission) VALUES
  ('professional', 'read:consent:unit'),
  ('unitLeader', 'read:consent:unit'),
  ('professional', 'write:consent:unit'),
  ('unitLeader', 'write:consent:unit'),
  ('unitLeader', 'manage:meeting:unit'),
  ('professional', 'read:meeting:own'),
  ('unitLeader', 'read:meeting:own'),
  ('caseworker', 'read:meeting:own'),
  ('caseworkManager', 'read:meeting:own'),
  ('professional', 'write:minutes:own'),
  ('unitLeader', 'write:minutes:own'),
  ('caseworker', 'write:minutes:own'),
  ('caseworkManager', 'write:minutes:own'),
  ('unitLeader', 'read:practice:unit'),
  ('caseworkManager', 'read:practice:municipality'),
  ('analyst', 'read:practice:municipality');
