-- Network involvement considered (issue 16, item 3): on a case, or in a unit's work on a concern taken to a meeting,
-- a record that involving the child's network was considered and what was decided — a family group conference, a
-- network meeting, or not now and why — so leaders can see whether it is done systematically.
-- See docs/decisions/030-family-view.md (addendum).

CREATE TYPE network_consideration_decision AS ENUM ('conference', 'networkMeeting', 'notNow');

CREATE TABLE network_considerations (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL,
  -- Where it was considered: the open case of the recorder's team, or the recorder's unit (a concern's meeting).
  case_id uuid,
  unit_id uuid,
  considered_on date NOT NULL,
  decision network_consideration_decision NOT NULL,
  -- Why not now (required then), or a note on the decision.
  reason text CHECK (length(reason) <= 2000),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK (decision <> 'notNow' OR length(btrim(coalesce(reason, ''))) > 0),
  CHECK (num_nonnulls(case_id, unit_id) = 1),
  FOREIGN KEY (municipality_id, child_id) REFERENCES children(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases(municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES units(municipality_id, id),
  FOREIGN KEY (municipality_id, recorded_by) REFERENCES users(municipality_id, id)
);
CREATE INDEX network_considerations_child ON network_considerations (municipality_id, child_id, considered_on);

ALTER TABLE network_considerations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON network_considerations
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON network_considerations TO beskyt_app;
