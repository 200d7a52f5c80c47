-- The leisure pass (fritidspas, issue 15 item 6): the municipality sets an amount per child per year, which roles
-- may grant it, and after how many weeks an unredeemed pass shows on its granter's list. A grant records the
-- child, the offer and the amount; the budget per child and year is what is granted and not cancelled. Tenant
-- rules as in decision 004; decision 025.

-- One row per municipality; missing row = no pass (disabled) with the defaults.
CREATE TABLE leisure_pass_settings (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  enabled boolean NOT NULL DEFAULT false,
  amount_per_year_dkk integer NOT NULL DEFAULT 0 CHECK (amount_per_year_dkk BETWEEN 0 AND 100000),
  grant_roles text[] NOT NULL DEFAULT '{professional,unitLeader,caseworker,caseworkManager}'
    CHECK (cardinality(grant_roles) >= 1
           AND grant_roles <@ ARRAY['professional', 'unitLeader', 'caseworker', 'caseworkManager']),
  unused_weeks smallint NOT NULL DEFAULT 8 CHECK (unused_weeks BETWEEN 1 AND 52),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (municipality_id),
  FOREIGN KEY (municipality_id, updated_by) REFERENCES users(municipality_id, id)
);

CREATE TABLE leisure_passes (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL,
  offer_id uuid NOT NULL,
  amount_dkk integer NOT NULL CHECK (amount_dkk BETWEEN 1 AND 100000),
  -- The budget year is the calendar year of this day (Copenhagen).
  granted_on date NOT NULL,
  granted_by uuid NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  -- Where the granter acted from (their unit, or the team of the child's case).
  granter_unit_id uuid,
  granter_team_id uuid,
  -- granted → redeemed (the provider has been paid / the child uses it) | cancelled (the budget returns).
  status text NOT NULL DEFAULT 'granted' CHECK (status IN ('granted', 'redeemed', 'cancelled')),
  status_note text CHECK (length(status_note) <= 1000),
  status_at timestamptz NOT NULL DEFAULT now(),
  status_by uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, offer_id) REFERENCES offers(municipality_id, id),
  FOREIGN KEY (municipality_id, granted_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, status_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, granter_unit_id) REFERENCES units(municipality_id, id),
  FOREIGN KEY (municipality_id, granter_team_id) REFERENCES teams(municipality_id, id)
);
CREATE INDEX leisure_passes_child ON leisure_passes (municipality_id, child_id, granted_on DESC);
CREATE INDEX leisure_passes_unredeemed ON leisure_passes (municipality_id, granted_by, granted_on)
  WHERE status = 'granted';

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['leisure_pass_settings', 'leisure_passes']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;
