-- One basis for the numerator and the population of the measurement parameter (docs/measurement.md):
-- each period has one reference date, and a child counts in a unit's population and in its numerator
-- only through an enrolment on that date, with its age band and gender on that date.

-- age_on() and age_band() of migration 0015, with the same results (age-band-sql.int.test.ts holds them
-- equal to the domain's rules), in a form PostgreSQL inlines into the calling query: not STRICT (a strict
-- function whose body is a CASE is never inlined), age() over timestamps, not the time-zone dependent
-- timestamptz an implicit cast picks (a body less immutable than its function is not inlined either), and
-- the band as one array look-up, so the age is computed once. Called as functions they cost ~15 µs a
-- row, which made counting a period's population at Copenhagen scale several times slower.
CREATE OR REPLACE FUNCTION age_on(birth_date date, on_date date) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN on_date >= birth_date THEN extract(year FROM age(on_date::timestamp, birth_date::timestamp))::int END;

-- Index = whole years + 1; out of range (negative, 18 or more, null) gives null.
CREATE OR REPLACE FUNCTION age_band(age int) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ('{0-2,0-2,0-2,3-5,3-5,3-5,6-9,6-9,6-9,6-9,10-12,10-12,10-12,13-15,13-15,13-15,16-17,16-17}'::text[])[age + 1];

-- The reference date of a period: 1 March for H1, 1 September for H2 (the first days of the usual round
-- windows, after the school year has started). src/server/modules/measurement/reference-date.ts says
-- the same and a test holds the two equal. Not STRICT, so that it is inlined (a null period gives null).
CREATE FUNCTION measurement_reference_date(period text) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN make_date(substr(period, 1, 4)::int, CASE WHEN right(period, 2) = 'H1' THEN 3 ELSE 9 END, 1);

-- The population of a period, child by child: every unit a child aged 0–17 on the reference date was
-- enrolled in that day, with its age band and gender that day. measurement_population holds its counts
-- and is written by the same refresh, so the two never disagree; the numerator (measurement_contributions)
-- places each child through these rows, never through live enrolments, so a child in a cell's numerator
-- is always in that cell's population, whatever happened to enrolments since the last refresh.
-- `preferred` marks, per child, the unit it counts under when the unit that assessed it is none of its
-- units on the reference date: the one it had been enrolled in longest (then the smallest unit id).
CREATE TABLE measurement_roster (
  municipality_id uuid NOT NULL,
  period text NOT NULL,
  child_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  age_band text NOT NULL,
  gender gender NOT NULL,
  preferred boolean NOT NULL,
  PRIMARY KEY (municipality_id, period, child_id, unit_id)
);
ALTER TABLE measurement_roster ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON measurement_roster
  USING (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid)
  WITH CHECK (municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON measurement_roster TO beskyt_app;

-- Databases that already hold measurements: the roster, the population and the numerator again, on the
-- new basis, for every period with a round. The same statements as refresh-population.ts and
-- replace-contribution.ts, for all periods at once.
CREATE TEMP TABLE m0016_periods ON COMMIT DROP AS
SELECT DISTINCT municipality_id, period, measurement_reference_date(period) AS on_date FROM assessment_rounds;

INSERT INTO measurement_roster (municipality_id, period, child_id, unit_id, age_band, gender, preferred)
SELECT p.municipality_id, p.period, e.child_id, e.unit_id, age_band(age_on(ch.birth_date, p.on_date)), ch.gender,
       row_number() OVER (PARTITION BY p.municipality_id, p.period, e.child_id ORDER BY min(e.from_date), e.unit_id) = 1
  FROM m0016_periods p
  JOIN enrolments e ON e.municipality_id = p.municipality_id AND e.from_date <= p.on_date
   AND (e.to_date IS NULL OR e.to_date >= p.on_date)
  JOIN children ch ON ch.municipality_id = e.municipality_id AND ch.id = e.child_id
 WHERE age_band(age_on(ch.birth_date, p.on_date)) IS NOT NULL
 GROUP BY p.municipality_id, p.period, e.child_id, e.unit_id, ch.birth_date, ch.gender, p.on_date;

DELETE FROM measurement_population;
INSERT INTO measurement_population (municipality_id, period, unit_id, age_band, gender, children)
SELECT municipality_id, period, unit_id, age_band, gender, count(*)
  FROM measurement_roster GROUP BY 1, 2, 3, 4, 5
UNION ALL
SELECT p.municipality_id, p.period, '00000000-0000-0000-0000-000000000000'::uuid,
       age_band(age_on(ch.birth_date, p.on_date)), ch.gender, count(*)
  FROM m0016_periods p JOIN children ch ON ch.municipality_id = p.municipality_id
 WHERE age_band(age_on(ch.birth_date, p.on_date)) IS NOT NULL
 GROUP BY 1, 2, 4, 5;

-- Every current joint assessment, placed through the roster, per theme.
CREATE TEMP TABLE m0016_placed ON COMMIT DROP AS
WITH latest AS (
  SELECT DISTINCT ON (a.municipality_id, r.period, a.child_id) a.*, r.period
    FROM assessments a JOIN assessment_rounds r ON r.municipality_id = a.municipality_id AND r.id = a.round_id
   WHERE a.mode = 'joint'
   ORDER BY a.municipality_id, r.period, a.child_id, a.assessed_on DESC, a.updated_at DESC),
placed AS (
  SELECT l.*, coalesce(own.unit_id, pref.unit_id) AS counted_unit, coalesce(own.age_band, pref.age_band) AS band,
         coalesce(own.gender, pref.gender) AS counted_gender
    FROM latest l
    LEFT JOIN measurement_roster own ON own.municipality_id = l.municipality_id AND own.period = l.period
     AND own.child_id = l.child_id AND own.unit_id = l.unit_id
    LEFT JOIN measurement_roster pref ON pref.municipality_id = l.municipality_id AND pref.period = l.period
     AND pref.child_id = l.child_id AND pref.preferred),
masks AS (
  SELECT f.municipality_id, f.catalogue_id, t.code AS theme_key,
         coalesce(bit_or(1::bigint << f.bit) FILTER (WHERE f.kind = 'protective'), 0) AS protective_mask,
         coalesce(bit_or(1::bigint << f.bit) FILTER (WHERE f.kind = 'risk'), 0) AS risk_mask
    FROM factors f
    JOIN factor_themes ft ON ft.municipality_id = f.municipality_id AND ft.factor_id = f.id
    JOIN policy_themes t ON t.municipality_id = ft.municipality_id AND t.id = ft.theme_id
   GROUP BY f.municipality_id, f.catalogue_id, t.code)
SELECT b.municipality_id, b.period, b.child_id, 'all'::text AS theme_key, b.counted_unit AS unit_id, b.band AS age_band,
       b.counted_gender AS gender, b.id AS assessment_id, b.protective_present::float8 / b.protective_known AS x,
       b.risk_present AS risk_load
  FROM placed b WHERE b.protective_known > 0 AND b.counted_unit IS NOT NULL
UNION ALL
SELECT b.municipality_id, b.period, b.child_id, m.theme_key, b.counted_unit, b.band, b.counted_gender, b.id,
       bit_count((b.present_mask & m.protective_mask)::bit(64))::float8 / bit_count((b.known_mask & m.protective_mask)::bit(64)),
       bit_count((b.present_mask & m.risk_mask)::bit(64))
  FROM placed b JOIN masks m ON m.municipality_id = b.municipality_id AND m.catalogue_id = b.catalogue_id
 WHERE bit_count((b.known_mask & m.protective_mask)::bit(64)) > 0 AND b.counted_unit IS NOT NULL;

-- Contributions where there were some (the scale build keeps none for closed rounds); cells everywhere.
CREATE TEMP TABLE m0016_kept ON COMMIT DROP AS
SELECT DISTINCT municipality_id, period FROM measurement_contributions;
DELETE FROM measurement_contributions;
INSERT INTO measurement_contributions (municipality_id, period, child_id, theme_key, unit_id, age_band, gender, assessment_id, x, risk_load)
SELECT p.* FROM m0016_placed p JOIN m0016_kept k ON k.municipality_id = p.municipality_id AND k.period = p.period;
DELETE FROM measurement_cells;
INSERT INTO measurement_cells (municipality_id, period, unit_id, age_band, gender, theme_key, n, sum_x, sum_x2, sum_risk, sum_risk2)
SELECT municipality_id, period, unit_id, age_band, gender, theme_key, count(*), sum(x), sum(x * x), sum(risk_load),
       sum(risk_load * risk_load)
  FROM m0016_placed GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6;
