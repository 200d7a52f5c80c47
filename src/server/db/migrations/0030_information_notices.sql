-- Information notices (GDPR articles 13 and 14): when Beskyt starts recording about a child, the guardians
-- with custody — and the child from the municipality's age — are told what is recorded, why, on which legal
-- basis, who sees it, how long it is kept and their rights, unless a lawful exception is recorded.
-- Texts per kind of recording (the municipality's versions over Beskyt's defaults), the recordings still to
-- be told about (notice_subjects), the notices sent (letters in the outbox, or manual follow-up), and the
-- exceptions. See docs/decisions/024-information-notices.md.

CREATE TYPE notice_kind AS ENUM ('round', 'concern', 'meetingItem', 'referral', 'networkPerson');
CREATE TYPE notice_audience AS ENUM ('guardian', 'child');

-- The municipality's published texts: append-only versions, the newest per kind, audience and language used.
CREATE TABLE notice_texts (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind notice_kind NOT NULL,
  audience notice_audience NOT NULL,
  locale text NOT NULL CHECK (locale IN ('da', 'en')),
  version integer NOT NULL CHECK (version >= 1),
  sections jsonb NOT NULL,
  published_by uuid NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, kind, audience, locale, version),
  FOREIGN KEY (municipality_id, published_by) REFERENCES users(municipality_id, id)
);

CREATE TABLE notice_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id),
  -- From this age the child gets a notice of its own.
  child_notice_age smallint NOT NULL DEFAULT 15 CHECK (child_notice_age BETWEEN 12 AND 18),
  version integer NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A child recorded about, per kind and scope: written in the recording's own transaction, told about once
-- (notified_at) by the sender, which holds back a child while an exception covers the kind.
CREATE TABLE notice_subjects (
  municipality_id uuid NOT NULL,
  kind notice_kind NOT NULL,
  -- The round's id for round notices; the half-year of the recording (2027H1) for the other kinds.
  scope text NOT NULL CHECK (length(scope) BETWEEN 1 AND 60),
  child_id uuid NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}H[12]$'),
  round_id uuid,
  -- The unit whose recording it is (the child's unit in the round, the concern's unit …): its leader follows up.
  unit_id uuid,
  -- The first recording of the scope (the concern, the meeting item).
  source_id uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  notified_at timestamptz,
  PRIMARY KEY (municipality_id, kind, scope, child_id),
  CHECK ((kind = 'round') = (round_id IS NOT NULL)),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, round_id) REFERENCES assessment_rounds(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units(municipality_id, id)
);
CREATE INDEX notice_subjects_due ON notice_subjects (municipality_id, kind, scope) WHERE notified_at IS NULL;
CREATE INDEX notice_subjects_child ON notice_subjects (municipality_id, child_id);
CREATE INDEX notice_subjects_unit ON notice_subjects (municipality_id, unit_id, kind, scope);

-- One notice to one recipient, naming the children it is about: a letter in the outbox, or — with no
-- address or no guardian with custody — an entry on the manual follow-up list until someone has followed up.
CREATE TABLE notices (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind notice_kind NOT NULL,
  scope text NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}H[12]$'),
  round_id uuid,
  audience notice_audience NOT NULL,
  guardian_id uuid,
  recipient_child_id uuid,
  recipient_name text NOT NULL,
  child_ids uuid[] NOT NULL CHECK (cardinality(child_ids) >= 1),
  -- The units of the recordings named (the leaders who follow up).
  unit_ids uuid[] NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('letter', 'followUp', 'followedUp')),
  follow_up_reason text CHECK (follow_up_reason IN ('noAddress', 'noGuardian')),
  letter_id uuid,
  -- The text versions used, per language (0: Beskyt's default).
  text_versions jsonb NOT NULL,
  handled_by uuid,
  handled_at timestamptz,
  handled_note text CHECK (length(handled_note) BETWEEN 1 AND 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK ((status = 'letter') = (letter_id IS NOT NULL)),
  CHECK ((status = 'letter') = (follow_up_reason IS NULL)),
  CHECK ((status = 'followedUp') = (handled_at IS NOT NULL)),
  CHECK ((audience = 'child') = (recipient_child_id IS NOT NULL)),
  FOREIGN KEY (municipality_id, letter_id) REFERENCES letters(municipality_id, id),
  FOREIGN KEY (municipality_id, guardian_id) REFERENCES guardians(municipality_id, id),
  FOREIGN KEY (municipality_id, recipient_child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, round_id) REFERENCES assessment_rounds(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, handled_by) REFERENCES users(municipality_id, id)
);
CREATE INDEX notices_children ON notices USING gin (child_ids);
CREATE INDEX notices_scope ON notices (municipality_id, kind, scope);
CREATE INDEX notices_follow_up ON notices (municipality_id, created_at) WHERE status = 'followUp';

-- A lawful exception (databeskyttelsesloven § 22, GDPR article 14(5)): the notice about a child is
-- postponed or omitted for some kinds, on a ground, for a written reason, until a day or until the
-- authority decides. While it holds, the sender holds the child back; when it ends, the notice goes out.
CREATE TABLE notice_exceptions (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL,
  kinds notice_kind[] NOT NULL CHECK (cardinality(kinds) >= 1),
  decision text NOT NULL CHECK (decision IN ('postpone', 'omit')),
  ground text NOT NULL CHECK (ground IN
    ('childSafety', 'thirdPartySafety', 'pendingAssessment', 'crimeInvestigation', 'alreadyInformed')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 10 AND 2000),
  until_date date,
  until_case_decides boolean NOT NULL,
  concern_id uuid,
  -- Where it was recorded from: a professional's unit, or the team of a caseworker's case.
  unit_id uuid,
  team_id uuid,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  end_cause text CHECK (end_cause IN ('date', 'caseDecided', 'manual')),
  ended_by uuid,
  end_note text CHECK (length(end_note) BETWEEN 1 AND 1000),
  reviewed_by uuid,
  reviewed_at timestamptz,
  review_note text CHECK (length(review_note) <= 1000),
  PRIMARY KEY (municipality_id, id),
  CHECK ((until_date IS NULL) = until_case_decides),
  CHECK ((ended_at IS NULL) = (end_cause IS NULL)),
  CHECK ((unit_id IS NULL) <> (team_id IS NULL)),
  CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL)),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, concern_id) REFERENCES concerns(municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units(municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES teams(municipality_id, id),
  FOREIGN KEY (municipality_id, recorded_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, ended_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, reviewed_by) REFERENCES users(municipality_id, id)
);
CREATE INDEX notice_exceptions_active ON notice_exceptions (municipality_id, child_id) WHERE ended_at IS NULL;
CREATE INDEX notice_exceptions_unit ON notice_exceptions (municipality_id, unit_id, recorded_at);
CREATE INDEX notice_exceptions_team ON notice_exceptions (municipality_id, team_id, recorded_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['notice_texts', 'notice_settings', 'notice_subjects', 'notices', 'notice_exceptions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;
-- Published texts are final: a new version is a new row.
GRANT SELECT, INSERT ON notice_texts TO beskyt_app;
GRANT SELECT, INSERT, UPDATE ON notice_settings, notice_subjects, notices, notice_exceptions TO beskyt_app;

INSERT INTO role_permissions (role, permission) VALUES
  ('professional', 'read:notice:unit'),
  ('professional', 'write:notice-exception:unit'),
  ('unitLeader', 'read:notice:unit'),
  ('unitLeader', 'write:notice-exception:unit'),
  ('unitLeader', 'manage:notice:unit'),
  ('caseworker', 'read:notice:team'),
  ('caseworker', 'write:notice-exception:team'),
  ('caseworkManager', 'read:notice:team'),
  ('caseworkManager', 'write:notice-exception:team'),
  ('caseworkManager', 'manage:notice:team'),
  ('analyst', 'read:notice:municipality'),
  ('admin', 'manage:notice-text:municipality');
