-- Early detection: the sign catalogue and handleguide per municipality, concerns, explainable early-warning
-- rules, in-app alerts and the child's named coordinator. See docs/decisions (concerns and early warning).

-- The municipality's catalogue of signs of concern. An acute sign (violence, abuse, a child in danger) goes
-- straight to level 4 — notification to the authority.
CREATE TABLE concern_signs (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  code text NOT NULL CHECK (code ~ '^[a-z][a-zA-Z0-9]{1,40}$'),
  label_da text NOT NULL CHECK (length(label_da) BETWEEN 1 AND 120),
  label_en text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 120),
  acute boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (municipality_id, code)
);

-- The handleguide: for each sign, the possible actions by escalation level (1 in the unit, 2 with the
-- parents, 3 interdisciplinary meeting or anonymous consultation, 4 notification to the authority).
-- Edited per sign as a whole (the sign's version guards it).
CREATE TABLE handleguide_actions (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  sign_code text NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  code text NOT NULL CHECK (code ~ '^[a-z][a-zA-Z0-9]{1,40}$'),
  title_da text NOT NULL CHECK (length(title_da) BETWEEN 1 AND 200),
  title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
  guidance_da text NOT NULL DEFAULT '' CHECK (length(guidance_da) <= 2000),
  guidance_en text NOT NULL DEFAULT '' CHECK (length(guidance_en) <= 2000),
  -- Links to offers: [{ "label": "…", "url": "https://…" }]
  links jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(links) = 'array'),
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, sign_code, code),
  FOREIGN KEY (municipality_id, sign_code) REFERENCES concern_signs(municipality_id, code) ON DELETE CASCADE
);
CREATE INDEX handleguide_actions_sign ON handleguide_actions (municipality_id, sign_code, level, sort_order);

-- A concern about a named child, or without a name (child_id NULL) for anonymous consultation.
CREATE TABLE concerns (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  child_id uuid,
  -- The author and the unit and profession they recorded it from.
  created_by uuid NOT NULL,
  unit_id uuid NOT NULL,
  profession text NOT NULL CHECK (profession IN
    ('leader', 'teacher', 'pedagogue', 'socialWorker', 'healthVisitor', 'ppr', 'ssp', 'other')),
  signs text[] NOT NULL CHECK (cardinality(signs) BETWEEN 1 AND 30),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  -- Factor codes of the published catalogue version the concern touches (catalogue_id records which one).
  factor_codes text[] NOT NULL DEFAULT '{}',
  catalogue_id uuid,
  -- The handleguide's level and the action chosen (a handleguide action code, or free text).
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  action_code text,
  action_text text NOT NULL CHECK (length(action_text) BETWEEN 1 AND 500),
  acute boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK (NOT acute OR level = 4),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units(municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, catalogue_id) REFERENCES factor_catalogues(municipality_id, id)
);
CREATE INDEX concerns_child ON concerns (municipality_id, child_id, created_at);
CREATE INDEX concerns_unit ON concerns (municipality_id, unit_id, created_at);
CREATE INDEX concerns_level ON concerns (municipality_id, level, created_at);

-- Early-warning rules, enabled and parameterised per municipality. The rule logic lives in
-- src/domain/early-warning; params are validated there.
CREATE TABLE early_warning_rules (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  code text NOT NULL CHECK (code IN ('concernsFromProfessions', 'moveToRed', 'persistentRisk', 'absenceWithNewRisk')),
  enabled boolean NOT NULL DEFAULT true,
  params jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(params) = 'object'),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (municipality_id, code)
);

-- In-app alerts to one user. reason = { code, params } is rendered translated in the UI; link is an SPA
-- path. dedupe_key makes raising the same alert twice a no-op.
CREATE TABLE alerts (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  child_id uuid,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-zA-Z]{1,40}$'),
  rule_code text,
  reason jsonb NOT NULL CHECK (jsonb_typeof(reason) = 'object' AND reason ? 'code'),
  link text CHECK (link IS NULL OR link ~ '^/'),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  dedupe_key text,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES users(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX alerts_dedupe ON alerts (municipality_id, user_id, dedupe_key);
CREATE INDEX alerts_user ON alerts (municipality_id, user_id, (read_at IS NULL), created_at DESC);

-- One named coordinator per child (usually the class teacher or contact pedagogue), set by a unit leader.
CREATE TABLE child_coordinators (
  municipality_id uuid NOT NULL,
  child_id uuid NOT NULL,
  user_id uuid NOT NULL,
  set_by uuid NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  -- When and how the parents were told who the coordinator is.
  parents_informed_on date,
  parents_informed_note text CHECK (length(parents_informed_note) <= 500),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, child_id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, user_id) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, set_by) REFERENCES users(municipality_id, id)
);
CREATE INDEX child_coordinators_user ON child_coordinators (municipality_id, user_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['concern_signs', 'handleguide_actions', 'concerns', 'early_warning_rules', 'alerts',
    'child_coordinators']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;

INSERT INTO role_permissions (role, permission) VALUES
  ('professional', 'write:concern:unit'),
  ('unitLeader', 'write:concern:unit'),
  ('professional', 'read:concern:unit'),
  ('unitLeader', 'read:concern:unit'),
  ('professional', 'read:handleguide:municipality'),
  ('unitLeader', 'read:handleguide:municipality'),
  ('caseworker', 'read:handleguide:municipality'),
  ('caseworkManager', 'read:handleguide:municipality'),
  ('admin', 'read:handleguide:municipality'),
  ('admin', 'manage:handleguide:municipality'),
  ('admin', 'manage:warning-rule:municipality'),
  ('unitLeader', 'read:warning-rule:municipality'),
  ('admin', 'read:warning-rule:municipality'),
  ('professional', 'read:alert:own'),
  ('unitLeader', 'read:alert:own'),
  ('caseworker', 'read:alert:own'),
  ('caseworkManager', 'read:alert:own'),
  ('reviewer', 'read:alert:own'),
  ('analyst', 'read:alert:own'),
  ('admin', 'read:alert:own'),
  ('partner', 'read:alert:own'),
  ('unitLeader', 'manage:coordinator:unit');
