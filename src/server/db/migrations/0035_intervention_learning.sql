-- Intervention learning (issue 15, item 9; decision 026): how many months after a child started an offer its
-- follow-up joint assessment may come at the earliest, per municipality (default 6), and the leaders' decisions
-- per offer (continue, adjust, close) with the reason. A decision is written once and never changed; closing
-- closes the offer in the same transaction, so it takes no new referrals.
CREATE TABLE offer_learning_settings (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  follow_up_months smallint NOT NULL DEFAULT 6 CHECK (follow_up_months BETWEEN 1 AND 36),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (municipality_id)
);

CREATE TABLE offer_decisions (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  offer_id uuid NOT NULL,
  decision text NOT NULL CHECK (decision IN ('continue', 'adjust', 'close')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, offer_id) REFERENCES offers(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, decided_by) REFERENCES users(municipality_id, id)
);
CREATE INDEX offer_decisions_offer ON offer_decisions (municipality_id, offer_id, decided_at DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['offer_learning_settings', 'offer_decisions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;
REVOKE UPDATE, DELETE ON offer_decisions FROM beskyt_app;

-- The learning view is for the leaders who plan offers and the analysts; the leaders decide.
INSERT INTO role_permissions (role, permission) VALUES
  ('unitLeader', 'read:learning:municipality'),
  ('caseworkManager', 'read:learning:municipality'),
  ('analyst', 'read:learning:municipality'),
  ('unitLeader', 'decide:offer:municipality'),
  ('caseworkManager', 'decide:offer:municipality');
