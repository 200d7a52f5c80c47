-- The dashboard rollup packed per (period, unit): one row holding every theme's sums of
-- measurement_unit_cells (n > 0) as bytes, for each theme in turn:
--   int2 length of the theme key, the key (UTF-8), int4 n, float8 Σx, float8 Σx², float8 Σrisk
-- (big-endian, as PostgreSQL's send functions write them). The usual dashboard (theme × unit × period)
-- reads ~6,000 of these rows instead of ~41,000 cells: on a 2-core machine PostgreSQL spends a few
-- microseconds on every row it sends, whatever is in it. Kept by statement triggers on
-- measurement_unit_cells, so every writer keeps it in the same transaction.
-- See docs/decisions/018-packed-dashboard-rows.md.
CREATE TABLE measurement_unit_packed (
  municipality_id uuid NOT NULL,
  period text NOT NULL,
  unit_id uuid NOT NULL,
  cells bytea NOT NULL,
  PRIMARY KEY (municipality_id, period, unit_id)
);

ALTER TABLE measurement_unit_packed ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON measurement_unit_packed
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON measurement_unit_packed TO beskyt_app;

-- Packs the given (municipality, period, unit) rows again from measurement_unit_cells.
--
-- Unlike the sums in measurement_unit_cells, a packed row is not a sum that commutes: two transactions
-- changing different themes of the same (period, unit) would each pack what they see, and the later
-- would overwrite the earlier's change with the old value. So the keys are locked first (in order, so two
-- writers cannot deadlock), and the packing is a separate statement: under READ COMMITTED it takes a new
-- snapshot, which holds whatever the writer that held the lock before us committed.
CREATE FUNCTION measurement_unit_packed_rebuild(ms uuid[], ps text[], us uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('packed:' || m::text || ':' || p || ':' || u::text, 0))
     FROM (SELECT DISTINCT m, p, u FROM unnest(ms, ps, us) AS t(m, p, u) ORDER BY 1, 2, 3) k;

  WITH touched AS (
    SELECT DISTINCT m AS municipality_id, p AS period, u AS unit_id FROM unnest(ms, ps, us) AS t(m, p, u)
  ), packed AS (
    SELECT c.municipality_id, c.period, c.unit_id,
           string_agg(int2send(octet_length(c.theme_key)::int2) || convert_to(c.theme_key, 'UTF8')
                      || int4send(c.n) || float8send(c.sum_x) || float8send(c.sum_x2) || float8send(c.sum_risk),
                      ''::bytea ORDER BY c.theme_key) AS cells
      FROM touched t
      JOIN measurement_unit_cells c
        ON c.municipality_id = t.municipality_id AND c.period = t.period AND c.unit_id = t.unit_id
     WHERE c.n > 0
     GROUP BY 1, 2, 3
  ), emptied AS (
    DELETE FROM measurement_unit_packed x
     USING touched t
     WHERE x.municipality_id = t.municipality_id AND x.period = t.period AND x.unit_id = t.unit_id
       AND NOT EXISTS (SELECT 1 FROM packed k
                        WHERE k.municipality_id = t.municipality_id AND k.period = t.period AND k.unit_id = t.unit_id)
  )
  INSERT INTO measurement_unit_packed AS x (municipality_id, period, unit_id, cells)
  SELECT municipality_id, period, unit_id, cells FROM packed ORDER BY 1, 2, 3
  ON CONFLICT (municipality_id, period, unit_id) DO UPDATE SET cells = excluded.cells;
END $$;

-- A bulk build of a new municipality (the Copenhagen-scale seed) switches the repacking off for its
-- transaction and repacks every key of the municipality once at its end (measurement_unit_packed_all).
CREATE FUNCTION measurement_unit_packed_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('beskyt.defer_dashboard_pack', true), '') = 'on'
$$;

CREATE FUNCTION measurement_unit_packed_all(m uuid) RETURNS void LANGUAGE sql AS $$
  SELECT measurement_unit_packed_rebuild(array_agg(municipality_id), array_agg(period), array_agg(unit_id))
    FROM (SELECT DISTINCT municipality_id, period, unit_id FROM measurement_unit_cells WHERE municipality_id = m) k
  HAVING count(*) > 0;
$$;

CREATE FUNCTION measurement_unit_packed_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF measurement_unit_packed_deferred() THEN RETURN NULL; END IF;
  PERFORM measurement_unit_packed_rebuild(array_agg(municipality_id), array_agg(period), array_agg(unit_id))
     FROM (SELECT DISTINCT municipality_id, period, unit_id FROM new_cells) k
    HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION measurement_unit_packed_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF measurement_unit_packed_deferred() THEN RETURN NULL; END IF;
  PERFORM measurement_unit_packed_rebuild(array_agg(municipality_id), array_agg(period), array_agg(unit_id))
     FROM (SELECT municipality_id, period, unit_id FROM new_cells
           UNION SELECT municipality_id, period, unit_id FROM old_cells) k
    HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION measurement_unit_packed_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF measurement_unit_packed_deferred() THEN RETURN NULL; END IF;
  PERFORM measurement_unit_packed_rebuild(array_agg(municipality_id), array_agg(period), array_agg(unit_id))
     FROM (SELECT DISTINCT municipality_id, period, unit_id FROM old_cells) k
    HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION measurement_unit_packed_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE measurement_unit_packed;
  RETURN NULL;
END $$;

CREATE TRIGGER measurement_unit_cells_pack_insert AFTER INSERT ON measurement_unit_cells
  REFERENCING NEW TABLE AS new_cells FOR EACH STATEMENT EXECUTE FUNCTION measurement_unit_packed_inserted();
CREATE TRIGGER measurement_unit_cells_pack_update AFTER UPDATE ON measurement_unit_cells
  REFERENCING OLD TABLE AS old_cells NEW TABLE AS new_cells
  FOR EACH STATEMENT EXECUTE FUNCTION measurement_unit_packed_updated();
CREATE TRIGGER measurement_unit_cells_pack_delete AFTER DELETE ON measurement_unit_cells
  REFERENCING OLD TABLE AS old_cells FOR EACH STATEMENT EXECUTE FUNCTION measurement_unit_packed_deleted();
CREATE TRIGGER measurement_unit_cells_pack_truncate AFTER TRUNCATE ON measurement_unit_cells
  FOR EACH STATEMENT EXECUTE FUNCTION measurement_unit_packed_truncate();

-- Databases that already hold measurements.
SELECT measurement_unit_packed_rebuild(array_agg(municipality_id), array_agg(period), array_agg(unit_id))
  FROM (SELECT DISTINCT municipality_id, period, unit_id FROM measurement_unit_cells) k
HAVING count(*) > 0;
