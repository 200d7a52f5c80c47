-- Referrals of a child to an offer, with the closed loop (issue 15, items 3–4). The rule of who sees what is
-- src/domain/offers/referral-basis.ts; the state machine is src/domain/offers/referral-status.ts. Tenant rules
-- as in decision 004.

-- A consent may name providers of offers as recipients, beside units and professions (decision 016).
ALTER TABLE consents ADD COLUMN recipient_provider_ids uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE consents DROP CONSTRAINT consents_check1;
ALTER TABLE consents ADD CONSTRAINT consents_has_recipient
  CHECK (cardinality(recipient_unit_ids) + cardinality(recipient_professions) + cardinality(recipient_provider_ids) >= 1);

-- How many weekdays a provider has to answer before the referrer is alerted, and before the leader is told.
-- One row per municipality; missing row = the defaults.
CREATE TABLE referral_settings (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  alert_weekdays smallint NOT NULL DEFAULT 2 CHECK (alert_weekdays BETWEEN 1 AND 30),
  escalate_weekdays smallint NOT NULL DEFAULT 10 CHECK (escalate_weekdays BETWEEN 2 AND 60),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (municipality_id),
  CHECK (escalate_weekdays > alert_weekdays)
);

CREATE TABLE referrals (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL,
  offer_id uuid NOT NULL,
  -- The custodians' consent naming the provider, or a § 32 measure in the child's case.
  basis text NOT NULL CHECK (basis IN ('consent', 'legalBasis')),
  consent_id uuid,
  measure_id uuid,
  -- What the referral sends the provider: identity always, the custodians' contact details if chosen.
  shared_kinds text[] NOT NULL CHECK (shared_kinds <@ ARRAY['identity', 'contact'] AND 'identity' = ANY(shared_kinds)),
  -- Why the child is referred although its age is outside the offer's range.
  age_reason text CHECK (length(age_reason) BETWEEN 1 AND 500),
  status text NOT NULL DEFAULT 'sent'
    CHECK (status IN ('sent', 'accepted', 'waitingList', 'declined', 'started', 'attending', 'ended')),
  waiting_position smallint CHECK (waiting_position BETWEEN 1 AND 10000),
  decline_reason text CHECK (decline_reason IN ('noCapacity', 'notEligible', 'noResponse', 'other')),
  end_reason text CHECK (end_reason IN ('completed', 'droppedOut', 'moved', 'withdrawn')),
  status_note text CHECK (length(status_note) <= 1000),
  referred_by uuid NOT NULL,
  -- Where the referrer acted from: their unit (enrolment, coordinator) or team (case); escalations go there.
  referrer_unit_id uuid,
  referrer_team_id uuid,
  referred_at timestamptz NOT NULL DEFAULT now(),
  status_at timestamptz NOT NULL DEFAULT now(),
  status_by uuid NOT NULL,
  started_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, offer_id) REFERENCES offers(municipality_id, id),
  FOREIGN KEY (municipality_id, consent_id) REFERENCES consents(municipality_id, id),
  FOREIGN KEY (municipality_id, measure_id) REFERENCES case_measures(municipality_id, id),
  FOREIGN KEY (municipality_id, referred_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, status_by) REFERENCES users(municipality_id, id),
  FOREIGN KEY (municipality_id, referrer_unit_id) REFERENCES units(municipality_id, id),
  FOREIGN KEY (municipality_id, referrer_team_id) REFERENCES teams(municipality_id, id),
  CHECK ((basis = 'consent') = (consent_id IS NOT NULL)),
  CHECK ((basis = 'legalBasis') = (measure_id IS NOT NULL)),
  CHECK ((status = 'waitingList') = (waiting_position IS NOT NULL)),
  CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
  CHECK ((status = 'ended') = (end_reason IS NOT NULL)),
  CHECK (status NOT IN ('started', 'attending') OR started_at IS NOT NULL)
);
-- One live referral per child and offer.
CREATE UNIQUE INDEX referrals_one_live ON referrals (municipality_id, child_id, offer_id)
  WHERE status NOT IN ('declined', 'ended');
CREATE INDEX referrals_child ON referrals (municipality_id, child_id, referred_at DESC);
CREATE INDEX referrals_offer ON referrals (municipality_id, offer_id, status);
CREATE INDEX referrals_unanswered ON referrals (municipality_id, referred_at) WHERE status = 'sent';
CREATE INDEX referrals_consent ON referrals (municipality_id, consent_id) WHERE consent_id IS NOT NULL;

-- Every status a referral has had: who set it, when, and with what reason, note, position or period.
CREATE TABLE referral_events (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL,
  status text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  by_user uuid NOT NULL,
  actor text NOT NULL CHECK (actor IN ('provider', 'referrer')),
  reason text,
  note text CHECK (length(note) <= 1000),
  position smallint,
  period date,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, referral_id) REFERENCES referrals(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, by_user) REFERENCES users(municipality_id, id)
);
CREATE INDEX referral_events_referral ON referral_events (municipality_id, referral_id, at);

-- Attendance confirmed by the provider, one row per referral and month (the first day of the month).
CREATE TABLE referral_attendance (
  municipality_id uuid NOT NULL,
  referral_id uuid NOT NULL,
  period date NOT NULL CHECK (extract(day FROM period) = 1),
  confirmed_by uuid NOT NULL,
  confirmed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, referral_id, period),
  FOREIGN KEY (municipality_id, referral_id) REFERENCES referrals(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, confirmed_by) REFERENCES users(municipality_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['referral_settings', 'referrals', 'referral_events', 'referral_attendance']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;
-- The status history is written once and never changed.
REVOKE UPDATE, DELETE ON referral_events FROM beskyt_app;

-- Professionals and leaders refer the children they see through their units; caseworkers the children of their
-- cases (also on a § 32 decision). A partner user reads and answers referrals to their provider's offers.
INSERT INTO role_permissions (role, permission) VALUES
  ('professional', 'read:referral:unit'),
  ('professional', 'write:referral:unit'),
  ('unitLeader', 'read:referral:unit'),
  ('unitLeader', 'write:referral:unit'),
  ('caseworker', 'read:referral:team'),
  ('caseworker', 'write:referral:team'),
  ('caseworkManager', 'read:referral:team'),
  ('caseworkManager', 'write:referral:team'),
  ('partner', 'read:referral:provider'),
  ('partner', 'answer:referral:provider');
