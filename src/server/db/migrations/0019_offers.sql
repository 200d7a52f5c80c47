-- The offers catalogue (issue 15, item 1): providers (municipal units, civil-society organisations,
-- associations, local businesses), the partner users who belong to one provider, the municipality's list of
-- offer kinds, and the offers themselves. Nothing here is a child's personal data: an offer's contact is the
-- provider's published contact. Tenant rules as in decision 004.

-- The kinds of offer a municipality uses. Every municipality starts with the list below (added for the
-- municipalities that exist now, and by trigger for new ones); an admin adds kinds, renames them and retires
-- them (active = false: kept for the offers that have it, no longer offered for new ones).
CREATE TABLE offer_kinds (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  code text NOT NULL CHECK (code ~ '^[a-z][a-zA-Z0-9]{1,39}$'),
  label_da text NOT NULL CHECK (length(label_da) BETWEEN 1 AND 100),
  label_en text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 100),
  -- Kinds whose attendance counts as organised leisure or a leisure job (the protective factor, item 7).
  leisure boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  position smallint NOT NULL DEFAULT 100 CHECK (position BETWEEN 1 AND 1000),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, code)
);

CREATE FUNCTION offer_kinds_defaults(m uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO offer_kinds (municipality_id, code, label_da, label_en, leisure, position) VALUES
    (m, 'familyTreatment', 'Familiebehandling', 'Family treatment', false, 10),
    (m, 'psychologistTalks', 'Psykologsamtaler uden henvisning', 'Psychologist talks without referral', false, 20),
    (m, 'parentCourse', 'Forældrekursus', 'Parent course', false, 30),
    (m, 'groupCourse', 'Gruppeforløb for børn og unge', 'Group course for children or young people', false, 40),
    (m, 'leisureActivity', 'Fritidsaktivitet / forening', 'Leisure activity / association', true, 50),
    (m, 'leisureJob', 'Fritidsjob', 'Leisure job', true, 60),
    (m, 'mentor', 'Mentor eller følgeven', 'Mentor or companion', false, 70),
    (m, 'anonymousCounselling', 'Anonym rådgivning', 'Anonymous counselling', false, 80),
    (m, 'homeworkHelp', 'Lektiehjælp', 'Homework help', false, 90)
  ON CONFLICT DO NOTHING
$$;

SELECT offer_kinds_defaults(id) FROM municipalities;

CREATE FUNCTION municipalities_offer_kinds() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM offer_kinds_defaults(NEW.id);
  RETURN NEW;
END $$;
CREATE TRIGGER municipalities_offer_kinds AFTER INSERT ON municipalities
  FOR EACH ROW EXECUTE FUNCTION municipalities_offer_kinds();

-- Who provides offers. A municipal unit's provider names the unit.
CREATE TABLE offer_providers (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('municipalUnit', 'civilSociety', 'association', 'business')),
  unit_id uuid,
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  website text CHECK (length(website) <= 300),
  email text CHECK (length(email) <= 200),
  phone text CHECK (length(phone) <= 40),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, name),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units(municipality_id, id),
  CHECK ((kind = 'municipalUnit') = (unit_id IS NOT NULL))
);

-- A partner user belongs to one provider (the primary key is the user).
CREATE TABLE provider_members (
  municipality_id uuid NOT NULL,
  user_id uuid NOT NULL,
  provider_id uuid NOT NULL,
  added_by uuid NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, user_id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES users(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, provider_id) REFERENCES offer_providers(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, added_by) REFERENCES users(municipality_id, id)
);
CREATE INDEX provider_members_provider ON provider_members (municipality_id, provider_id);

CREATE TABLE offers (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  provider_id uuid NOT NULL,
  kind text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  age_from smallint NOT NULL CHECK (age_from BETWEEN 0 AND 25),
  age_to smallint NOT NULL CHECK (age_to BETWEEN 0 AND 25),
  eligibility text NOT NULL DEFAULT '' CHECK (length(eligibility) <= 2000),
  -- Kroner per year for a child; 0 is free. The municipality's leisure pass (fritidspas) may pay it.
  cost_dkk integer NOT NULL DEFAULT 0 CHECK (cost_dkk BETWEEN 0 AND 1000000),
  cost_note text NOT NULL DEFAULT '' CHECK (length(cost_note) <= 500),
  leisure_pass boolean NOT NULL DEFAULT false,
  district_id uuid,
  place_name text NOT NULL DEFAULT '' CHECK (length(place_name) <= 200),
  address text NOT NULL DEFAULT '' CHECK (length(address) <= 200),
  postal_code text NOT NULL DEFAULT '' CHECK (postal_code ~ '^([0-9]{4})?$'),
  city text NOT NULL DEFAULT '' CHECK (length(city) <= 100),
  -- Weekly sessions: [{ "day": "MO".."SU", "opensAt": "HH:MM", "closesAt": "HH:MM" }], checked by the schema.
  schedule jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(schedule) = 'array'),
  schedule_note text NOT NULL DEFAULT '' CHECK (length(schedule_note) <= 500),
  -- ISO 639-1 codes.
  languages text[] NOT NULL DEFAULT '{da}' CHECK (cardinality(languages) BETWEEN 1 AND 20),
  contact_name text NOT NULL DEFAULT '' CHECK (length(contact_name) <= 200),
  contact_phone text NOT NULL DEFAULT '' CHECK (length(contact_phone) <= 40),
  contact_email text NOT NULL DEFAULT '' CHECK (length(contact_email) <= 200),
  access text NOT NULL CHECK (access IN ('referral', 'direct')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'closed')),
  capacity_total integer CHECK (capacity_total BETWEEN 0 AND 100000),
  capacity_free integer CHECK (capacity_free BETWEEN 0 AND 100000),
  capacity_updated_at timestamptz,
  -- Codes of protective factors of the published catalogue the offer is meant to strengthen.
  factor_codes text[] NOT NULL DEFAULT '{}' CHECK (cardinality(factor_codes) <= 20),
  -- A municipal employee who maintains the offer besides the admins.
  owner_id uuid,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, provider_id) REFERENCES offer_providers(municipality_id, id),
  FOREIGN KEY (municipality_id, kind) REFERENCES offer_kinds(municipality_id, code) ON UPDATE CASCADE,
  FOREIGN KEY (municipality_id, district_id) REFERENCES districts(municipality_id, id),
  FOREIGN KEY (municipality_id, owner_id) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES users(municipality_id, id),
  CHECK (age_to >= age_from),
  CHECK ((capacity_total IS NULL) = (capacity_free IS NULL)),
  CHECK ((capacity_total IS NULL) = (capacity_updated_at IS NULL)),
  CHECK (capacity_free <= capacity_total)
);
CREATE INDEX offers_provider ON offers (municipality_id, provider_id);
CREATE INDEX offers_status_kind ON offers (municipality_id, status, kind);
CREATE INDEX offers_owner ON offers (municipality_id, owner_id) WHERE owner_id IS NOT NULL;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['offer_kinds', 'offer_providers', 'provider_members', 'offers']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;

-- Everyone reads the catalogue; admins maintain all of it, an offer's owner their offers, a partner user their
-- provider's offers. The HSDS export is for those who publish or plan with the catalogue.
INSERT INTO role_permissions (role, permission) VALUES
  ('professional', 'read:offer:municipality'),
  ('unitLeader', 'read:offer:municipality'),
  ('caseworker', 'read:offer:municipality'),
  ('caseworkManager', 'read:offer:municipality'),
  ('reviewer', 'read:offer:municipality'),
  ('analyst', 'read:offer:municipality'),
  ('admin', 'read:offer:municipality'),
  ('partner', 'read:offer:municipality'),
  ('admin', 'manage:offer:municipality'),
  ('professional', 'write:offer:own'),
  ('unitLeader', 'write:offer:own'),
  ('caseworker', 'write:offer:own'),
  ('caseworkManager', 'write:offer:own'),
  ('partner', 'write:offer:provider'),
  ('admin', 'export:offer:municipality'),
  ('unitLeader', 'export:offer:municipality'),
  ('caseworkManager', 'export:offer:municipality'),
  ('analyst', 'export:offer:municipality');
