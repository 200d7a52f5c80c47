-- The population behind each measurement cell, for coverage: children enrolled in the unit at the start
-- of the period, by age band and gender. unit_id '00000000-0000-0000-0000-000000000000' holds the whole
-- municipality's children 0–17 (a child enrolled in two units counts once there). Refreshed per period.
CREATE TABLE measurement_population (
  municipality_id uuid NOT NULL,
  period text NOT NULL,
  unit_id uuid NOT NULL,
  age_band text NOT NULL,
  gender gender NOT NULL,
  children integer NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, period, unit_id, age_band, gender)
);
ALTER TABLE measurement_population ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON measurement_population
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON measurement_population TO beskyt_app;

CREATE INDEX measurement_cells_theme ON measurement_cells (municipality_id, theme_key, period);
