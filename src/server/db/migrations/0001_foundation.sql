-- Foundation: tenancy, organisation, users and roles, sessions, children register, audit log.
-- Every tenant table carries municipality_id in its primary key and is guarded by row-level security
-- (policy tenant_isolation) for the application role beskyt_app. See docs/decisions/004-tenancy-and-row-level-security.md.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

DO $$
BEGIN
  CREATE ROLE beskyt_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

CREATE TABLE municipalities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  slug text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE districts (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, name)
);

CREATE TYPE unit_kind AS ENUM (
  'daycare', 'school', 'healthVisiting', 'ppr', 'leisure', 'ssp', 'socialServices', 'civilSociety'
);

CREATE TABLE units (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  district_id uuid,
  name text NOT NULL,
  kind unit_kind NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, name),
  FOREIGN KEY (municipality_id, district_id) REFERENCES districts(municipality_id, id)
);

CREATE TABLE teams (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  unit_id uuid,
  name text NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, name),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units(municipality_id, id)
);

-- Roles and permissions are data (action:entity:scope). They are the same for every municipality.
CREATE TABLE roles (
  name text PRIMARY KEY
);

CREATE TABLE role_permissions (
  role text NOT NULL REFERENCES roles(name),
  permission text NOT NULL CHECK (permission ~ '^[a-z]+:[a-z-]+:[a-z]+$'),
  PRIMARY KEY (role, permission)
);

CREATE TABLE users (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  locale text NOT NULL DEFAULT 'da' CHECK (locale IN ('da', 'en')),
  active boolean NOT NULL DEFAULT true,
  is_demo boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id)
);
-- An e-mail address identifies one login across the whole installation.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE UNIQUE INDEX users_id_key ON users (id);

CREATE TABLE role_assignments (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  role text NOT NULL REFERENCES roles(name),
  unit_id uuid,
  team_id uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES users(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units(municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES teams(municipality_id, id)
);
CREATE UNIQUE INDEX role_assignments_unique ON role_assignments
  (municipality_id, user_id, role, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid),
   coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX role_assignments_unit ON role_assignments (municipality_id, unit_id, user_id);

-- Sessions are looked up by the SHA-256 of the cookie token, before the tenant is known.
CREATE TABLE sessions (
  id bytea PRIMARY KEY,
  municipality_id uuid NOT NULL,
  user_id uuid NOT NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip inet,
  user_agent text,
  FOREIGN KEY (municipality_id, user_id) REFERENCES users(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE families (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  PRIMARY KEY (municipality_id, id)
);

CREATE TABLE households (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  address text NOT NULL,
  postal_code text NOT NULL,
  city text NOT NULL,
  PRIMARY KEY (municipality_id, id)
);

CREATE TYPE gender AS ENUM ('female', 'male', 'other');

CREATE TABLE children (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  first_name text NOT NULL,
  last_name text NOT NULL,
  birth_date date NOT NULL,
  gender gender NOT NULL,
  cpr_encrypted bytea NOT NULL,
  cpr_hash bytea NOT NULL,
  family_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, cpr_hash),
  FOREIGN KEY (municipality_id, family_id) REFERENCES families(municipality_id, id)
);
CREATE UNIQUE INDEX children_id_key ON children (id);
CREATE INDEX children_name ON children (municipality_id, lower(last_name), lower(first_name));
CREATE INDEX children_birth ON children (municipality_id, birth_date);
CREATE INDEX children_family ON children (municipality_id, family_id);

CREATE TABLE child_households (
  municipality_id uuid NOT NULL,
  child_id uuid NOT NULL,
  household_id uuid NOT NULL,
  is_primary boolean NOT NULL DEFAULT true,
  PRIMARY KEY (municipality_id, child_id, household_id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, household_id) REFERENCES households(municipality_id, id)
);

CREATE TABLE guardians (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  first_name text NOT NULL,
  last_name text NOT NULL,
  phone text,
  email text,
  household_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES households(municipality_id, id)
);

CREATE TABLE child_guardians (
  municipality_id uuid NOT NULL,
  child_id uuid NOT NULL,
  guardian_id uuid NOT NULL,
  relation text NOT NULL CHECK (relation IN ('mother', 'father', 'other')),
  has_custody boolean NOT NULL,
  PRIMARY KEY (municipality_id, child_id, guardian_id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, guardian_id) REFERENCES guardians(municipality_id, id)
);
CREATE INDEX child_guardians_guardian ON child_guardians (municipality_id, guardian_id);

CREATE TABLE enrolments (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  group_name text,
  from_date date NOT NULL,
  to_date date,
  PRIMARY KEY (municipality_id, id),
  CHECK (to_date IS NULL OR to_date >= from_date),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units(municipality_id, id)
);
CREATE INDEX enrolments_child ON enrolments (municipality_id, child_id);
CREATE INDEX enrolments_unit ON enrolments (municipality_id, unit_id, child_id);

-- Append-only, hash-chained per municipality: seq is gap-free per municipality, hash = sha256(prev_hash || canonical row).
CREATE TABLE audit_events (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  seq bigint NOT NULL,
  at timestamptz NOT NULL,
  user_id uuid,
  role text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id uuid,
  child_id uuid,
  purpose text NOT NULL,
  ip text,
  detail jsonb,
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL,
  PRIMARY KEY (municipality_id, seq)
);
CREATE INDEX audit_events_child ON audit_events (municipality_id, child_id, at);
CREATE INDEX audit_events_user ON audit_events (municipality_id, user_id, at);
CREATE INDEX audit_events_at ON audit_events (municipality_id, at);

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

-- Row-level security: the application role only ever sees the municipality set for the transaction.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['districts', 'units', 'teams', 'users', 'role_assignments', 'families', 'households',
    'children', 'child_households', 'guardians', 'child_guardians', 'enrolments', 'audit_events']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;

REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM beskyt_app;
GRANT SELECT ON municipalities, roles, role_permissions TO beskyt_app;
GRANT USAGE ON SCHEMA public TO beskyt_app;
