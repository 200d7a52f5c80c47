-- Network persons (issue 16, item 1): the people around a child who can support it — relatives, neighbours,
-- friends' parents, a teacher, a coach, a mentor — shared across the siblings of a family. A network person is
-- not a user and has no login. Read and changed under the child's relations, like the child's other data.
-- See docs/decisions/027-network-persons.md.

CREATE TYPE network_relation AS ENUM (
  'grandparent', 'auntUncle', 'otherRelative', 'neighbour', 'friendsParent', 'familyFriend', 'teacher', 'coach',
  'mentor', 'other'
);
-- Whether the person supports the child, burdens it, or both.
CREATE TYPE network_role AS ENUM ('resource', 'strain', 'both');
-- The tie the network map draws: strong, weak or strained.
CREATE TYPE network_tie AS ENUM ('strong', 'weak', 'strained');
CREATE TYPE network_agreement AS ENUM ('agreed', 'declined', 'notAsked');

-- The age from which the child's own agreement to involve a network person is asked (default 12).
CREATE TABLE network_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id),
  child_agreement_age smallint NOT NULL DEFAULT 12 CHECK (child_agreement_age BETWEEN 7 AND 18),
  version integer NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE network_persons (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The family whose children share the person (null for a child without a family in the register).
  family_id uuid,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  relation network_relation NOT NULL,
  relation_note text CHECK (length(relation_note) <= 200),
  phone text CHECK (phone ~ '^\+?[0-9]{8,15}$'),
  email text CHECK (length(email) <= 254 AND email LIKE '%_@_%'),
  role network_role NOT NULL,
  can_offer text CHECK (length(can_offer) <= 1000),
  guardians_agreement network_agreement NOT NULL,
  guardians_agreed_on date,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  updated_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, family_id) REFERENCES families(municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, updated_by) REFERENCES users(municipality_id, id)
);
CREATE INDEX network_persons_family ON network_persons (municipality_id, family_id);

-- Which children of the family the person is in the network of, with the tie and the child's own agreement
-- (null below the municipality's age).
CREATE TABLE network_person_children (
  municipality_id uuid NOT NULL,
  network_person_id uuid NOT NULL,
  child_id uuid NOT NULL,
  tie network_tie NOT NULL,
  -- A step or foster relation: the map draws it dotted.
  step boolean NOT NULL DEFAULT false,
  child_agreement network_agreement,
  linked_by uuid NOT NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, network_person_id, child_id),
  FOREIGN KEY (municipality_id, network_person_id) REFERENCES network_persons(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, linked_by) REFERENCES users(municipality_id, id)
);
CREATE INDEX network_person_children_child ON network_person_children (municipality_id, child_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['network_settings', 'network_persons', 'network_person_children']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;

-- Professionals and leaders record the network of the children they see through their units; caseworkers that of
-- the children of their cases. The administrator sets the age of the child's own agreement.
INSERT INTO role_permissions (role, permission) VALUES
  ('professional', 'read:network:unit'),
  ('professional', 'write:network:unit'),
  ('unitLeader', 'read:network:unit'),
  ('unitLeader', 'write:network:unit'),
  ('caseworker', 'read:network:team'),
  ('caseworker', 'write:network:team'),
  ('caseworkManager', 'read:network:team'),
  ('caseworkManager', 'write:network:team'),
  ('admin', 'manage:network-settings:municipality');
