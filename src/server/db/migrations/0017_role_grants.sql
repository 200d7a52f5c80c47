-- Role grants that reach children's personal data wait for a second person (issue 13, item 7).
-- A grant is asked for by one user and confirmed or refused by another: a second admin, or a leader of the
-- grant's unit. Until confirmed it sits here only and gives no access; confirming adds the role_assignments
-- row in the same transaction. Rows are never deleted: the table is the review list of who asked, who decided
-- and when. Tenant rules as in decision 004.

CREATE TABLE role_grants (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  role text NOT NULL REFERENCES roles(name),
  unit_id uuid,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'refused')),
  requested_by uuid NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid,
  decided_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES users(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, requested_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, decided_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units(municipality_id, id),
  -- Decided exactly when someone decided it, and never by the one who asked or the one who gains the role.
  CHECK ((status = 'pending') = (decided_by IS NULL AND decided_at IS NULL)),
  CHECK (decided_by IS NULL OR (decided_by <> requested_by AND decided_by <> user_id)),
  CHECK (requested_by <> user_id)
);
-- One open request per user, role and unit.
CREATE UNIQUE INDEX role_grants_one_pending ON role_grants
  (municipality_id, user_id, role, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid))
  WHERE status = 'pending';
CREATE INDEX role_grants_unit ON role_grants (municipality_id, unit_id, status);
CREATE INDEX role_grants_requested ON role_grants (municipality_id, requested_at DESC);

-- A request is decided once: what was asked, by whom and when never changes, and a decision is final.
CREATE FUNCTION role_grants_decide_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'pending' OR NEW.status = 'pending'
     OR (NEW.user_id, NEW.role, NEW.unit_id, NEW.requested_by, NEW.requested_at)
        IS DISTINCT FROM (OLD.user_id, OLD.role, OLD.unit_id, OLD.requested_by, OLD.requested_at) THEN
    RAISE EXCEPTION 'a role grant is decided once, and only its decision is written'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER role_grants_decide_once BEFORE UPDATE ON role_grants
  FOR EACH ROW EXECUTE FUNCTION role_grants_decide_once();

ALTER TABLE role_grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON role_grants
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
-- No DELETE: a decided request stays on the review list.
GRANT SELECT, INSERT, UPDATE ON role_grants TO beskyt_app;

-- A unit leader may confirm grants in the units they lead (admins confirm through manage:user:municipality).
INSERT INTO role_permissions (role, permission) VALUES ('unitLeader', 'confirm:grant:unit');
