-- The dashboard rollup: measurement_cells summed over age band and gender, one row per
-- (period, unit, theme), and the population behind it per (period, unit). The usual dashboard
-- (theme × unit × period, no age band or gender) reads these few tens of thousands of rows instead of
-- summing the finer cells. Kept correct by statement triggers on the finer tables, so every writer of
-- measurement_cells (the per-child replaceContribution, the set-based import, the seed's bulk fill) keeps
-- it in the same transaction, in key order. See docs/decisions/013-dashboard-rollup-and-compact-answer.md.
CREATE TABLE measurement_unit_cells (
  municipality_id uuid NOT NULL,
  period text NOT NULL,
  unit_id uuid NOT NULL,
  theme_key text NOT NULL,
  n integer NOT NULL,
  sum_x double precision NOT NULL,
  sum_x2 double precision NOT NULL,
  sum_risk double precision NOT NULL,
  sum_risk2 double precision NOT NULL,
  PRIMARY KEY (municipality_id, period, unit_id, theme_key)
);

CREATE TABLE measurement_unit_population (
  municipality_id uuid NOT NULL,
  period text NOT NULL,
  unit_id uuid NOT NULL,
  children integer NOT NULL,
  PRIMARY KEY (municipality_id, period, unit_id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['measurement_unit_cells', 'measurement_unit_population']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid) WITH CHECK (municipality_id = nullif(current_setting(''app.municipality_id'', true), '''')::uuid)',
      t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO beskyt_app', t);
  END LOOP;
END $$;

-- Adds the change of the finer cells (new rows minus old rows) to the coarse ones. An emptied cell is
-- reset to exact zeros so rounding left from past additions cannot linger.
CREATE FUNCTION measurement_unit_cells_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO measurement_unit_cells AS u (municipality_id, period, unit_id, theme_key, n, sum_x, sum_x2, sum_risk, sum_risk2)
    SELECT municipality_id, period, unit_id, theme_key, sum(n), sum(sum_x), sum(sum_x2), sum(sum_risk), sum(sum_risk2)
      FROM new_cells GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (municipality_id, period, unit_id, theme_key) DO UPDATE
      SET n = u.n + excluded.n,
          sum_x = CASE WHEN u.n + excluded.n = 0 THEN 0 ELSE u.sum_x + excluded.sum_x END,
          sum_x2 = CASE WHEN u.n + excluded.n = 0 THEN 0 ELSE u.sum_x2 + excluded.sum_x2 END,
          sum_risk = CASE WHEN u.n + excluded.n = 0 THEN 0 ELSE u.sum_risk + excluded.sum_risk END,
          sum_risk2 = CASE WHEN u.n + excluded.n = 0 THEN 0 ELSE u.sum_risk2 + excluded.sum_risk2 END;
  ELSE
    INSERT INTO measurement_unit_cells AS u (municipality_id, period, unit_id, theme_key, n, sum_x, sum_x2, sum_risk, sum_risk2)
    SELECT municipality_id, period, unit_id, theme_key, sum(n), sum(sum_x), sum(sum_x2), sum(sum_risk), sum(sum_risk2)
      FROM (SELECT municipality_id, period, unit_id, theme_key, n, sum_x, sum_x2, sum_risk, sum_risk2 FROM new_cells
            UNION ALL
            SELECT municipality_id, period, unit_id, theme_key, -n, -sum_x, -sum_x2, -sum_risk, -sum_risk2 FROM old_cells) d
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (municipality_id, period, unit_id, theme_key) DO UPDATE
      SET n = u.n + excluded.n,
          sum_x = CASE WHEN u.n + excluded.n = 0 THEN 0 ELSE u.sum_x + excluded.sum_x END,
          sum_x2 = CASE WHEN u.n + excluded.n = 0 THEN 0 ELSE u.sum_x2 + excluded.sum_x2 END,
          sum_risk = CASE WHEN u.n + excluded.n = 0 THEN 0 ELSE u.sum_risk + excluded.sum_risk END,
          sum_risk2 = CASE WHEN u.n + excluded.n = 0 THEN 0 ELSE u.sum_risk2 + excluded.sum_risk2 END;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION measurement_unit_cells_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO measurement_unit_cells AS u (municipality_id, period, unit_id, theme_key, n, sum_x, sum_x2, sum_risk, sum_risk2)
  SELECT municipality_id, period, unit_id, theme_key, -sum(n), -sum(sum_x), -sum(sum_x2), -sum(sum_risk), -sum(sum_risk2)
    FROM old_cells GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (municipality_id, period, unit_id, theme_key) DO UPDATE
    SET n = u.n + excluded.n,
        sum_x = CASE WHEN u.n + excluded.n = 0 THEN 0 ELSE u.sum_x + excluded.sum_x END,
        sum_x2 = CASE WHEN u.n + excluded.n = 0 THEN 0 ELSE u.sum_x2 + excluded.sum_x2 END,
        sum_risk = CASE WHEN u.n + excluded.n = 0 THEN 0 ELSE u.sum_risk + excluded.sum_risk END,
        sum_risk2 = CASE WHEN u.n + excluded.n = 0 THEN 0 ELSE u.sum_risk2 + excluded.sum_risk2 END;
  RETURN NULL;
END $$;

CREATE FUNCTION measurement_unit_cells_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE measurement_unit_cells;
  RETURN NULL;
END $$;

CREATE TRIGGER measurement_cells_roll_up_insert AFTER INSERT ON measurement_cells
  REFERENCING NEW TABLE AS new_cells FOR EACH STATEMENT EXECUTE FUNCTION measurement_unit_cells_apply();
CREATE TRIGGER measurement_cells_roll_up_update AFTER UPDATE ON measurement_cells
  REFERENCING OLD TABLE AS old_cells NEW TABLE AS new_cells FOR EACH STATEMENT EXECUTE FUNCTION measurement_unit_cells_apply();
CREATE TRIGGER measurement_cells_roll_up_delete AFTER DELETE ON measurement_cells
  REFERENCING OLD TABLE AS old_cells FOR EACH STATEMENT EXECUTE FUNCTION measurement_unit_cells_delete();
CREATE TRIGGER measurement_cells_roll_up_truncate AFTER TRUNCATE ON measurement_cells
  FOR EACH STATEMENT EXECUTE FUNCTION measurement_unit_cells_truncate();

-- The population per (period, unit), recounted from the finer rows a refresh wrote. A refresh deletes and
-- inserts a period's rows, so each statement recomputes the (period, unit) pairs it touched.
CREATE FUNCTION measurement_unit_population_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE measurement_unit_population;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM measurement_unit_population u
     USING (SELECT DISTINCT municipality_id, period, unit_id FROM old_population) o
     WHERE u.municipality_id = o.municipality_id AND u.period = o.period AND u.unit_id = o.unit_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO measurement_unit_population AS u (municipality_id, period, unit_id, children)
    SELECT p.municipality_id, p.period, p.unit_id, sum(p.children)::int
      FROM measurement_population p
      JOIN (SELECT DISTINCT municipality_id, period, unit_id FROM new_population) k
        ON k.municipality_id = p.municipality_id AND k.period = p.period AND k.unit_id = p.unit_id
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (municipality_id, period, unit_id) DO UPDATE SET children = excluded.children;
  END IF;
  IF TG_OP = 'DELETE' THEN
    -- Rows of the same (period, unit) that the statement left in place still count.
    INSERT INTO measurement_unit_population (municipality_id, period, unit_id, children)
    SELECT p.municipality_id, p.period, p.unit_id, sum(p.children)::int
      FROM measurement_population p
      JOIN (SELECT DISTINCT municipality_id, period, unit_id FROM old_population) k
        ON k.municipality_id = p.municipality_id AND k.period = p.period AND k.unit_id = p.unit_id
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER measurement_population_roll_up_insert AFTER INSERT ON measurement_population
  REFERENCING NEW TABLE AS new_population FOR EACH STATEMENT EXECUTE FUNCTION measurement_unit_population_refresh();
CREATE TRIGGER measurement_population_roll_up_update AFTER UPDATE ON measurement_population
  REFERENCING OLD TABLE AS old_population NEW TABLE AS new_population
  FOR EACH STATEMENT EXECUTE FUNCTION measurement_unit_population_refresh();
CREATE TRIGGER measurement_population_roll_up_delete AFTER DELETE ON measurement_population
  REFERENCING OLD TABLE AS old_population FOR EACH STATEMENT EXECUTE FUNCTION measurement_unit_population_refresh();
CREATE TRIGGER measurement_population_roll_up_truncate AFTER TRUNCATE ON measurement_population
  FOR EACH STATEMENT EXECUTE FUNCTION measurement_unit_population_refresh();

-- Databases that already hold measurements.
INSERT INTO measurement_unit_cells (municipality_id, period, unit_id, theme_key, n, sum_x, sum_x2, sum_risk, sum_risk2)
SELECT municipality_id, period, unit_id, theme_key, sum(n), sum(sum_x), sum(sum_x2), sum(sum_risk), sum(sum_risk2)
  FROM measurement_cells GROUP BY 1, 2, 3, 4;
INSERT INTO measurement_unit_population (municipality_id, period, unit_id, children)
SELECT municipality_id, period, unit_id, sum(children)::int FROM measurement_population GROUP BY 1, 2, 3;
