-- The shared factor model (versioned per municipality), assessment rounds, assessments and the
-- measurement rollup. See docs/decisions/008-factor-model-and-measurement-storage.md.

CREATE TYPE factor_kind AS ENUM ('risk', 'protective');
CREATE TYPE factor_domain AS ENUM (
  'development', 'parenting', 'familyNetwork', 'schoolDaycare', 'peersLeisure', 'community'
);
CREATE TYPE factor_state AS ENUM ('present', 'absent', 'unknown');
CREATE TYPE wellbeing_position AS ENUM ('green', 'yellow', 'red');
CREATE TYPE assessment_mode AS ENUM ('own', 'joint');

-- The municipality's child and youth policy: the themes the parameter is rolled up by.
CREATE TABLE policy_themes (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,40}$'),
  name_da text NOT NULL,
  name_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, code)
);

CREATE TABLE factor_catalogues (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  published_by uuid,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, version),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
-- At most one draft per municipality at a time.
CREATE UNIQUE INDEX factor_catalogues_one_draft ON factor_catalogues (municipality_id) WHERE status = 'draft';

CREATE TABLE factors (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  catalogue_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9-]{1,30}$'),
  kind factor_kind NOT NULL,
  domain factor_domain NOT NULL,
  age_from smallint NOT NULL DEFAULT 0 CHECK (age_from BETWEEN 0 AND 23),
  age_to smallint NOT NULL DEFAULT 17 CHECK (age_to BETWEEN 0 AND 23),
  label_da text NOT NULL,
  label_en text NOT NULL,
  description_da text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  evidence_note text NOT NULL DEFAULT '',
  -- Position in the assessment's packed bit masks (present, known): at most 64 factors per version.
  bit smallint NOT NULL CHECK (bit BETWEEN 0 AND 63),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, catalogue_id, code),
  UNIQUE (municipality_id, catalogue_id, bit),
  CHECK (age_to >= age_from),
  FOREIGN KEY (municipality_id, catalogue_id) REFERENCES factor_catalogues(municipality_id, id) ON DELETE CASCADE
);

CREATE TABLE factor_themes (
  municipality_id uuid NOT NULL,
  factor_id uuid NOT NULL,
  theme_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, factor_id, theme_id),
  FOREIGN KEY (municipality_id, factor_id) REFERENCES factors(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, theme_id) REFERENCES policy_themes(municipality_id, id)
);

-- A published catalogue version never changes: every assessment records the version it used.
CREATE FUNCTION refuse_published_catalogue_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cat uuid;
  m uuid;
BEGIN
  IF TG_TABLE_NAME = 'factors' THEN
    cat := coalesce(NEW.catalogue_id, OLD.catalogue_id);
    m := coalesce(NEW.municipality_id, OLD.municipality_id);
  ELSE
    m := coalesce(NEW.municipality_id, OLD.municipality_id);
    SELECT f.catalogue_id INTO cat FROM factors f
     WHERE f.municipality_id = m AND f.id = coalesce(NEW.factor_id, OLD.factor_id);
  END IF;
  IF EXISTS (SELECT 1 FROM factor_catalogues c WHERE c.municipality_id = m AND c.id = cat AND c.status = 'published') THEN
    RAISE EXCEPTION 'a published factor catalogue cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN coalesce(NEW, OLD);
END $$;
CREATE TRIGGER factors_frozen_when_published BEFORE INSERT OR UPDATE OR DELETE ON factors
  FOR EACH ROW EXECUTE FUNCTION refuse_published_catalogue_change();
CREATE TRIGGER factor_themes_frozen_when_published BEFORE INSERT OR UPDATE OR DELETE ON factor_themes
  FOR EACH ROW EXECUTE FUNCTION refuse_published_catalogue_change();

CREATE FUNCTION refuse_unpublishing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'a published factor catalogue cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN coalesce(NEW, OLD);
END $$;
CREATE TRIGGER factor_catalogues_published_final BEFORE UPDATE OR DELETE ON factor_catalogues
  FOR EACH ROW EXECUTE FUNCTION refuse_unpublishing();

CREATE TABLE assessment_rounds (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  -- The half-year the round measures, e.g. 2027H1: the period axis of the measurement parameter.
  period text NOT NULL CHECK (period ~ '^[0-9]{4}H[12]$'),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  catalogue_id uuid NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, name),
  CHECK (closes_on >= opens_on),
  FOREIGN KEY (municipality_id, catalogue_id) REFERENCES factor_catalogues(municipality_id, id)
);

CREATE TABLE round_units (
  municipality_id uuid NOT NULL,
  round_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, round_id, unit_id),
  FOREIGN KEY (municipality_id, round_id) REFERENCES assessment_rounds(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units(municipality_id, id)
);
CREATE INDEX round_units_unit ON round_units (municipality_id, unit_id);

CREATE TABLE assessments (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL,
  child_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  mode assessment_mode NOT NULL,
  author_id uuid NOT NULL,
  catalogue_id uuid NOT NULL,
  assessed_on date NOT NULL,
  position wellbeing_position NOT NULL,
  -- Factor states packed for the measurement (bit = factors.bit); assessment_factors keeps the detail.
  present_mask bigint NOT NULL DEFAULT 0,
  known_mask bigint NOT NULL DEFAULT 0,
  protective_present smallint NOT NULL DEFAULT 0,
  protective_known smallint NOT NULL DEFAULT 0,
  risk_present smallint NOT NULL DEFAULT 0,
  risk_known smallint NOT NULL DEFAULT 0,
  child_voice jsonb,
  parents_view jsonb,
  note text,
  locked_at timestamptz,
  locked_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, round_id) REFERENCES assessment_rounds(municipality_id, id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units(municipality_id, id),
  FOREIGN KEY (municipality_id, catalogue_id) REFERENCES factor_catalogues(municipality_id, id),
  CHECK ((known_mask & present_mask) = present_mask)
);
CREATE UNIQUE INDEX assessments_one_joint ON assessments (municipality_id, round_id, child_id) WHERE mode = 'joint';
CREATE UNIQUE INDEX assessments_one_own ON assessments (municipality_id, round_id, child_id, author_id) WHERE mode = 'own';
CREATE INDEX assessments_child ON assessments (municipality_id, child_id, assessed_on);
CREATE INDEX assessments_round_unit ON assessments (municipality_id, round_id, unit_id);

CREATE TABLE assessment_factors (
  municipality_id uuid NOT NULL,
  assessment_id uuid NOT NULL,
  factor_id uuid NOT NULL,
  state factor_state NOT NULL,
  reason text CHECK (length(reason) <= 500),
  PRIMARY KEY (municipality_id, assessment_id, factor_id),
  FOREIGN KEY (municipality_id, assessment_id) REFERENCES assessments(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, factor_id) REFERENCES factors(municipality_id, id)
);

-- Measurement rollup, kept correct on every write of a joint assessment: a child's contribution per
-- period and theme (theme_key 'all' = every protective factor) is replaced, never added twice.
CREATE TABLE measurement_contributions (
  municipality_id uuid NOT NULL,
  period text NOT NULL,
  child_id uuid NOT NULL,
  theme_key text NOT NULL,
  unit_id uuid NOT NULL,
  age_band text NOT NULL,
  gender gender NOT NULL,
  assessment_id uuid NOT NULL,
  x double precision NOT NULL CHECK (x >= 0 AND x <= 1),
  risk_load smallint NOT NULL,
  PRIMARY KEY (municipality_id, period, child_id, theme_key)
);

CREATE TABLE measurement_cells (
  municipality_id uuid NOT NULL,
  period text NOT NULL,
  unit_id uuid NOT NULL,
  age_band text NOT NULL,
  gender gender NOT NULL,
  theme_key text NOT NULL,
  n integer NOT NULL,
  sum_x double precision NOT NULL,
  sum_x2 double precision NOT NULL,
  sum_risk double precision NOT NULL,
  sum_risk2 double precision NOT NULL,
  PRIMARY KEY (municipality_id, period, unit_id, age_band, gender, theme_key)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['policy_themes', 'factor_catalogues', 'factors', 'factor_themes', 'assessment_rounds',
    'round_units', 'assessments', 'assessment_factors', 'measurement_contributions', 'measurement_cells']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;

INSERT INTO role_permissions (role, permission) VALUES
  ('professional', 'read:catalogue:municipality'),
  ('unitLeader', 'read:catalogue:municipality'),
  ('caseworker', 'read:catalogue:municipality'),
  ('caseworkManager', 'read:catalogue:municipality'),
  ('reviewer', 'read:catalogue:municipality'),
  ('analyst', 'read:catalogue:municipality'),
  ('admin', 'read:catalogue:municipality'),
  ('admin', 'manage:catalogue:municipality'),
  ('admin', 'manage:round:municipality'),
  ('unitLeader', 'manage:round:unit'),
  ('professional', 'read:round:unit'),
  ('unitLeader', 'read:round:unit'),
  ('professional', 'write:assessment:unit'),
  ('unitLeader', 'write:assessment:unit'),
  ('professional', 'read:assessment:unit'),
  ('unitLeader', 'read:assessment:unit'),
  ('unitLeader', 'lock:assessment:unit'),
  ('unitLeader', 'read:measurement:unit'),
  ('analyst', 'read:measurement:municipality'),
  ('caseworkManager', 'read:measurement:municipality');
