-- Family group conferences (issue 16, item 4): referred with the family's agreement, run by a neutral
-- coordinator (not the child's caseworker; possibly external — a user of the role conferenceCoordinator, who
-- reaches only the conferences they coordinate), through preparation, information, the family's private time,
-- the family's plan, its approval and its review. See docs/decisions/027-network-persons.md (addendum).

INSERT INTO roles (name) VALUES ('conferenceCoordinator');

CREATE TYPE conference_phase AS ENUM (
  'referred', 'preparation', 'information', 'privateTime', 'plan', 'approved', 'refused', 'reviewed', 'closed'
);
CREATE TYPE conference_step AS ENUM ('prepare', 'inform', 'privateTime', 'plan', 'approve', 'refuse', 'review', 'close');

-- The review is set at approval within this many months (default 3).
ALTER TABLE network_settings
  ADD COLUMN conference_review_months smallint NOT NULL DEFAULT 3 CHECK (conference_review_months BETWEEN 1 AND 12);

CREATE TABLE conferences (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL,
  -- A conference in a case (the case's caseworker approves), or a preventive one (the referrer approves).
  case_id uuid,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  family_agreed_on date NOT NULL,
  referred_by uuid NOT NULL,
  referrer_unit_id uuid,
  referrer_team_id uuid,
  referred_at timestamptz NOT NULL DEFAULT now(),
  coordinator_id uuid NOT NULL,
  phase conference_phase NOT NULL DEFAULT 'referred',
  -- Preparation: agreed with the family.
  questions jsonb NOT NULL DEFAULT '[]',
  concerns text,
  bottom_lines text,
  -- Information: the professionals who informed the meeting and what they brought.
  informants jsonb NOT NULL DEFAULT '[]',
  -- Approval: refused only with a reason; the review date set at approval.
  refusal_reason text,
  review_on date,
  -- Review: did the plan help?
  helped text CHECK (helped IN ('yes', 'partly', 'no')),
  review_note text,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id),
  FOREIGN KEY (municipality_id, referred_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, coordinator_id) REFERENCES users(municipality_id, id)
);
CREATE INDEX conferences_child ON conferences (municipality_id, child_id);
CREATE INDEX conferences_coordinator ON conferences (municipality_id, coordinator_id);

-- Each step with its date and who recorded it.
CREATE TABLE conference_steps (
  municipality_id uuid NOT NULL,
  conference_id uuid NOT NULL,
  seq integer NOT NULL,
  step conference_step NOT NULL,
  held_on date NOT NULL,
  by_user uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, conference_id, seq),
  FOREIGN KEY (municipality_id, conference_id) REFERENCES conferences(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, by_user) REFERENCES users(municipality_id, id)
);

-- The network persons invited, chosen with the child, and their invitation letter.
CREATE TABLE conference_invitees (
  municipality_id uuid NOT NULL,
  conference_id uuid NOT NULL,
  network_person_id uuid NOT NULL,
  chosen_with_child boolean NOT NULL,
  letter_id uuid,
  PRIMARY KEY (municipality_id, conference_id, network_person_id),
  FOREIGN KEY (municipality_id, conference_id) REFERENCES conferences(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, network_person_id) REFERENCES network_persons(municipality_id, id)
);

-- The family's plan: what, who, by when, who checks it, for which question (and protective factor).
CREATE TABLE conference_tasks (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  conference_id uuid NOT NULL,
  position smallint NOT NULL,
  what text NOT NULL CHECK (length(what) BETWEEN 1 AND 1000),
  owner_kind text NOT NULL CHECK (owner_kind IN ('networkPerson', 'parent', 'child', 'professional')),
  owner_name text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 200),
  network_person_id uuid,
  due_on date NOT NULL,
  checked_by text NOT NULL CHECK (length(checked_by) BETWEEN 1 AND 200),
  question smallint NOT NULL,
  factor_code text,
  review_status text CHECK (review_status IN ('done', 'partly', 'notDone')),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, conference_id) REFERENCES conferences(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, network_person_id) REFERENCES network_persons(municipality_id, id)
);
CREATE INDEX conference_tasks_conference ON conference_tasks (municipality_id, conference_id, position);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['conferences', 'conference_steps', 'conference_invitees', 'conference_tasks']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;
REVOKE UPDATE, DELETE ON conference_steps FROM beskyt_app;

-- Units refer preventive conferences (and approve the plans of those they referred); caseworkers refer in their
-- cases and approve. Coordinators run the conferences they coordinate: the external conference coordinator,
-- and professionals and caseworkers named as neutral coordinators.
INSERT INTO role_permissions (role, permission) VALUES
  ('professional', 'read:conference:unit'),
  ('professional', 'write:conference:unit'),
  ('professional', 'coordinate:conference:own'),
  ('unitLeader', 'read:conference:unit'),
  ('unitLeader', 'write:conference:unit'),
  ('caseworker', 'read:conference:team'),
  ('caseworker', 'write:conference:team'),
  ('caseworker', 'coordinate:conference:own'),
  ('caseworkManager', 'read:conference:team'),
  ('caseworkManager', 'write:conference:team'),
  ('conferenceCoordinator', 'read:org:municipality'),
  ('conferenceCoordinator', 'coordinate:conference:own');
