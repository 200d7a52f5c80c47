-- A version per (municipality, period) of the measurement cells, bumped in the same transaction as any
-- change of the cells or of which district a unit belongs to. The protected cube (decision 022) is
-- computed once per version and cached; a reader compares versions to know whether its copy is current.
CREATE TABLE measurement_versions (
  municipality_id uuid NOT NULL,
  period text NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (municipality_id, period)
);
ALTER TABLE measurement_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON measurement_versions
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON measurement_versions TO beskyt_app;

INSERT INTO measurement_versions (municipality_id, period, version)
SELECT DISTINCT municipality_id, period, 1 FROM measurement_cells;

CREATE FUNCTION measurement_versions_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE measurement_versions SET version = version + 1;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO measurement_versions AS v (municipality_id, period, version)
    SELECT DISTINCT municipality_id, period, 1 FROM new_cells ORDER BY 1, 2
    ON CONFLICT (municipality_id, period) DO UPDATE SET version = v.version + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO measurement_versions AS v (municipality_id, period, version)
    SELECT municipality_id, period, 1 FROM new_cells UNION SELECT municipality_id, period, 1 FROM old_cells ORDER BY 1, 2
    ON CONFLICT (municipality_id, period) DO UPDATE SET version = v.version + 1;
  ELSE
    INSERT INTO measurement_versions AS v (municipality_id, period, version)
    SELECT DISTINCT municipality_id, period, 1 FROM old_cells ORDER BY 1, 2
    ON CONFLICT (municipality_id, period) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER measurement_cells_version_insert AFTER INSERT ON measurement_cells
  REFERENCING NEW TABLE AS new_cells FOR EACH STATEMENT EXECUTE FUNCTION measurement_versions_bump();
CREATE TRIGGER measurement_cells_version_update AFTER UPDATE ON measurement_cells
  REFERENCING OLD TABLE AS old_cells NEW TABLE AS new_cells FOR EACH STATEMENT EXECUTE FUNCTION measurement_versions_bump();
CREATE TRIGGER measurement_cells_version_delete AFTER DELETE ON measurement_cells
  REFERENCING OLD TABLE AS old_cells FOR EACH STATEMENT EXECUTE FUNCTION measurement_versions_bump();
CREATE TRIGGER measurement_cells_version_truncate AFTER TRUNCATE ON measurement_cells
  FOR EACH STATEMENT EXECUTE FUNCTION measurement_versions_bump();

-- A unit moving to another district changes which cells add up into which: every period's cube.
CREATE FUNCTION measurement_versions_unit_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE measurement_versions SET version = version + 1 WHERE municipality_id = NEW.municipality_id;
  RETURN NULL;
END $$;
CREATE TRIGGER units_district_version AFTER UPDATE OF district_id ON units
  FOR EACH ROW WHEN (OLD.district_id IS DISTINCT FROM NEW.district_id)
  EXECUTE FUNCTION measurement_versions_unit_moved();

-- The protected cube of a period as last computed (decision 022), so a new process or another instance
-- need not compute it again: per theme, one byte per cell of the period's slice, rows in the order of
-- unit_ids then district_ids then the municipality. Current while its version equals measurement_versions'.
CREATE TABLE measurement_protection (
  municipality_id uuid NOT NULL,
  period text NOT NULL,
  version bigint NOT NULL,
  unit_ids uuid[] NOT NULL,
  district_ids uuid[] NOT NULL,
  themes text[] NOT NULL,
  codes bytea NOT NULL,
  fell_back integer NOT NULL,
  PRIMARY KEY (municipality_id, period)
);
ALTER TABLE measurement_protection ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON measurement_protection
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON measurement_protection TO beskyt_app;
