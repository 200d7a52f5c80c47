import type { Queryable } from '../../db/client.ts';
import { LEVEL_BUCKETS, LEVEL_MODEL } from '../assessment-model.ts';
import { schoolYearOf } from '../dates.ts';
import { CELL_COLUMNS, CONTRIBUTION_COLUMNS } from '../measurement-fill.ts';
import { KINDERGARTEN_GROUPS, NURSERY_GROUPS, STREETS } from '../names.ts';

// Set-based statements of the scale build (scale.ts), over its staging tables: scale_family_in,
// scale_child_in (from JS), scale_area (units per district) and scale_round.

export interface TScaleSql {
  municipalityId: string;
  /** Salt of every pseudo-random choice, so one slug always gives the same data. */
  seed: number;
  today: string;
  /** Ids count milliseconds from here (see orderedUuid). */
  epochMs: number;
}

/** A uniform number in [0, 1) from a key and a seed: the same key and seed always give the same number. */
export const uniform = (key: string, seed: number) =>
  `((hashint8extended((${key})::bigint, ${seed}) & 2147483647)::float8 / 2147483648)`;
/** A standard normal number by Box–Muller from two uniforms. */
export const gaussian = (key: string, seed: number) =>
  `(sqrt(-2 * ln(1 - ${uniform(key, seed)})) * cos(2 * pi() * ${uniform(key, seed + 1)}))`;
export const hashMod = (key: string, seed: number, n: string) =>
  `((hashint8extended((${key})::bigint, ${seed}) & 2147483647) % (${n}))::int`;
const bucketOf = (level: string) =>
  `least(${LEVEL_BUCKETS - 1}, greatest(0, round((${level} + 3) * 4)))::int`;

/**
 * A UUID in version 7 layout whose time field is `epochMs + ordinal`: ids grow with the ordinal, so a
 * bulk insert in ordinal order appends to every index on the id instead of touching random pages all
 * over it (on this kind of machine that is the difference between seconds and minutes).
 */
export const orderedUuid = (ordinal: string, epochMs: number, salt: number) =>
  `encode(int8send(((${epochMs}::bigint + (${ordinal})) << 16) | 28672 | (hashint8extended((${ordinal})::bigint, ${salt}) & 4095))
    || int8send((hashint8extended((${ordinal})::bigint, ${salt + 1}) & 4611686018427387903) | (-9223372036854775807 - 1)), 'hex')::uuid`;

/** Families with one home each, one or two guardians with custody, and the children themselves. */
export async function insertPeople(q: Queryable, s: TScaleSql, count: number): Promise<void> {
  const { municipalityId: m, seed, epochMs } = s;
  await q.query(
    `CREATE TEMP TABLE scale_fam ON COMMIT DROP AS
     SELECT f.ord, ${orderedUuid('f.ord', epochMs, seed + 100)} AS id,
            ${orderedUuid('f.ord', epochMs, seed + 102)} AS household_id, f.name, f.area, f.guardians
       FROM scale_family_in f ORDER BY f.ord`,
  );
  await q.query('ANALYZE scale_fam');
  await q.query('INSERT INTO families (municipality_id, id, name) SELECT $1, id, name FROM scale_fam', [m]);
  await q.query(
    `INSERT INTO households (municipality_id, id, address, postal_code, city)
     SELECT $1, f.household_id,
            ($2::text[])[1 + ${hashMod('f.ord', seed + 1, 'cardinality($2::text[])')}] || ' ' || (1 + ${hashMod('f.ord', seed + 2, '140')})
              || CASE WHEN ${uniform('f.ord', seed + 3)} < 0.6 THEN ', ' || ${hashMod('f.ord', seed + 4, '5')} || '. '
                      || (ARRAY['th.', 'tv.', 'mf.'])[1 + ${hashMod('f.ord', seed + 5, '3')}] ELSE '' END,
            a.postal_code, a.city
       FROM scale_fam f JOIN scale_area a ON a.area = f.area ORDER BY f.ord`,
    [m, STREETS],
  );
  await q.query(
    `CREATE TEMP TABLE scale_guardian ON COMMIT DROP AS
     SELECT f.ord AS family_ord, f.household_id, f.name, g.n,
            ${orderedUuid('f.ord * 2 + g.n - 1', epochMs, seed + 104)} AS id,
            -- A single guardian is the mother four times in five.
            CASE WHEN g.n = 1 AND (f.guardians = 2 OR ${uniform('f.ord', seed + 6)} < 0.8) THEN 'mother' ELSE 'father' END AS relation
       FROM scale_fam f CROSS JOIN LATERAL generate_series(1, f.guardians) g(n) ORDER BY f.ord, g.n`,
  );
  await q.query('ANALYZE scale_guardian');
  await q.query(
    `INSERT INTO guardians (municipality_id, id, first_name, last_name, phone, email, household_id)
     SELECT $1, g.id, n.first, g.name,
            CASE WHEN ${uniform('g.family_ord * 2 + g.n', seed + 7)} < 0.85 THEN
              '+45 1' || substr(n.d, 1, 1) || ' ' || substr(n.d, 2, 2) || ' ' || substr(n.d, 4, 2) || ' ' || substr(n.d, 6, 2) END,
            CASE WHEN ${uniform('g.family_ord * 2 + g.n', seed + 8)} < 0.7 THEN
              lower(replace(replace(replace(n.first || '.' || g.name, 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'))
              || (1 + ${hashMod('g.family_ord * 2 + g.n', seed + 9, '98')}) || '@mail.example' END,
            g.household_id
       FROM scale_guardian g
       CROSS JOIN LATERAL (
         SELECT CASE WHEN g.relation = 'mother'
                     THEN ($2::text[])[1 + ${hashMod('g.family_ord * 2 + g.n', seed + 10, 'cardinality($2::text[])')}]
                     ELSE ($3::text[])[1 + ${hashMod('g.family_ord * 2 + g.n', seed + 10, 'cardinality($3::text[])')}] END AS first,
                lpad(${hashMod('g.family_ord * 2 + g.n', seed + 11, '10000000')}::text, 7, '0') AS d) n
      ORDER BY g.family_ord, g.n`,
    [m, WOMEN, MEN],
  );
  // Per child: the latent risk level (partly the family's), and the daycare, school and club the family
  // uses — siblings share them — with the dates its age calls for.
  await q.query(
    `CREATE TEMP TABLE scale_kid ON COMMIT DROP AS
     SELECT c.*, ${orderedUuid('c.ord', epochMs, seed + 106)} AS id, f.id AS family_id, f.household_id,
            ${LEVEL_MODEL.familyWeight} * ${gaussian('c.family_ord', seed + 20)}
              + ${LEVEL_MODEL.childWeight} * ${gaussian('c.ord', seed + 22)} AS level,
            a.daycares[1 + ${hashMod('c.family_ord', seed + 24, 'cardinality(a.daycares)')}] AS daycare_unit,
            a.schools[1 + ${hashMod('c.family_ord', seed + 25, 'cardinality(a.schools)')}] AS school_unit,
            a.clubs[1 + ${hashMod('c.family_ord', seed + 26, 'cardinality(a.clubs)')}] AS club_unit,
            c.birth_date + 300 + ${hashMod('c.ord', seed + 27, '91')} AS daycare_from,
            make_date(extract(year FROM c.birth_date)::int + 6, 8, 1) AS school_from,
            -- 9. klasse ends in June the year the child turns 16; half stay for 10. klasse.
            make_date(extract(year FROM c.birth_date)::int + 16 + ${hashMod('c.ord', seed + 28, '2')}, 6, 30) AS school_to,
            (c.birth_date + interval '18 years')::date - 1 AS youth_to
       FROM scale_child_in c JOIN scale_fam f ON f.ord = c.family_ord JOIN scale_area a ON a.area = f.area
      ORDER BY c.ord`,
  );
  await q.query('ANALYZE scale_kid');
  const inserted = await q.query(
    `INSERT INTO children (municipality_id, id, first_name, last_name, birth_date, gender, cpr_encrypted, cpr_hash, family_id)
     SELECT $1, id, first_name, last_name, birth_date, gender, cpr_encrypted, cpr_hash, family_id FROM scale_kid`,
    [m],
  );
  if (inserted.rowCount !== count)
    throw new Error(`Staged ${count} children but inserted ${inserted.rowCount}`);
  await q.query(
    `INSERT INTO child_households (municipality_id, child_id, household_id, is_primary)
     SELECT $1, id, household_id, true FROM scale_kid`,
    [m],
  );
  await q.query(
    `INSERT INTO child_guardians (municipality_id, child_id, guardian_id, relation, has_custody)
     SELECT $1, k.id, g.id, g.relation, true
       FROM scale_kid k JOIN scale_guardian g ON g.family_ord = k.family_ord ORDER BY k.ord, g.n`,
    [m],
  );
}

const WOMEN = ['Mette', 'Louise', 'Camilla', 'Maria', 'Sarah', 'Julie', 'Anne', 'Line', 'Fatima', 'Sofie'];
const MEN = [
  'Martin',
  'Thomas',
  'Jesper',
  'Rasmus',
  'Michael',
  'Christian',
  'Ahmed',
  'Søren',
  'Anders',
  'Jonas',
];

/**
 * Enrolments over each child's life so far: health visiting until daycare, daycare until school, school
 * until 9. or 10. klasse, then the district's youth club until 18 (the municipality follows every young
 * person; the club stands for that here); and a club for about a third of today's pupils. Past ones carry
 * their end, so every past period has its population.
 */
export async function insertEnrolments(
  q: Queryable,
  s: TScaleSql,
  healthVisitingId: string,
  classLetters: number,
): Promise<number> {
  const { seed, today } = s;
  const schoolYear = schoolYearOf(today);
  const { rowCount } = await q.query(
    `INSERT INTO enrolments (municipality_id, id, child_id, unit_id, group_name, from_date, to_date)
     SELECT $1, ${orderedUuid('k.ord * 8 + e.n', s.epochMs, seed + 108)}, k.id, e.unit_id,
            CASE WHEN e.to_date IS NULL OR e.to_date >= $2::date THEN e.group_name END, e.from_date,
            CASE WHEN e.to_date < $2::date THEN e.to_date END
       FROM (SELECT k.*, $3::int - extract(year FROM k.birth_date)::int - 6 AS grade,
                    extract(year FROM age($2::date, k.birth_date))::int AS age FROM scale_kid k) k
       CROSS JOIN LATERAL (VALUES
         (0, $4::uuid, NULL::text, least(k.birth_date + 7, $2::date), k.daycare_from - 1),
         (1, k.daycare_unit,
            CASE WHEN k.age < 3 THEN ($5::text[])[1 + ${hashMod('k.ord', seed + 30, 'cardinality($5::text[])')}]
                 ELSE ($6::text[])[1 + ${hashMod('k.ord', seed + 30, 'cardinality($6::text[])')}] END,
            k.daycare_from, k.school_from - 1),
         (2, k.school_unit, k.grade || '.' || chr(65 + ${hashMod('k.ord', seed + 31, String(classLetters))}),
            k.school_from, k.school_to),
         (3, k.club_unit, 'Ungdomsklub', k.school_to + 1, k.youth_to),
         (4, k.club_unit,
            CASE WHEN k.grade <= 3 THEN 'Fritidshjem' WHEN k.grade <= 6 THEN 'Juniorklub' ELSE 'Ungdomsklub' END,
            make_date($3::int - ${hashMod('k.ord', seed + 32, '3')}, 8, 1), NULL::date)
       ) e(n, unit_id, group_name, from_date, to_date)
      WHERE e.from_date <= $2::date
        AND (e.n <> 4 OR (k.grade >= 0 AND k.school_to >= $2::date AND e.from_date >= k.school_from
                          AND ${uniform('k.ord', seed + 33)} < 0.35))
      ORDER BY k.ord, e.n`,
    [s.municipalityId, today, schoolYear, healthVisitingId, NURSERY_GROUPS, KINDERGARTEN_GROUPS],
  );
  return rowCount ?? 0;
}

export interface TMaskParams {
  healthVisitingId: string;
  pools: { size: number; chronic: string[]; transient: string[]; unknown: string[] };
  /** Factors assessed at each age 0–17, as masks. */
  ages: string[];
  protective: string;
  risk: string;
}

/** Share of the children 0–17 with a joint assessment in a round. */
const COVERAGE = 0.96;

/**
 * Draws the joint assessments into scale_assessment, by child and round: one per child and round
 * for ~96 % of the children 0–17 on the day (babies from two months), at the unit enrolling the child that
 * day. The child's chronic masks change every sixth round (staggered per child); the round's own masks
 * follow its level that round. Also the unit and age band the measurement counts it under: by the rule of
 * replace-contribution.ts, over the child's enrolments on the period's reference date, worked out from the
 * same dates insertEnrolments used instead of joined (a million-row join would cost seconds here); the
 * seed checks recompute every cell from the enrolments table.
 */
export async function generateAssessments(q: Queryable, s: TScaleSql, p: TMaskParams): Promise<void> {
  const { seed } = s;
  // Keys of the pseudo-random draws: per child and round, and per child and span of six rounds.
  const key = 'z.ord * 16 + z.t';
  const chronicKey = 'z.ord * 8 + (z.t + z.ord % 6) / 6';
  const drawKey = 'k.ord * 16 + r.t';
  const size = p.pools.size;
  // An enrolment [from, to] as insertEnrolments stores it (none that starts after today; an end on or
  // after today stored as no end) holds on the reference date z.ref.
  const onRef = (from: string, to: string) =>
    `(${from} <= $8::date AND ${from} <= z.ref AND (${to} >= $8::date OR ${to} >= z.ref))`;
  const mainOnRef: [string, string, string][] = [
    ['least(z.birth_date + 7, $8::date)', 'z.daycare_from - 1', '$7::uuid'],
    ['z.daycare_from', 'z.school_from - 1', 'z.daycare_unit'],
    ['z.school_from', 'z.school_to', 'z.school_unit'],
    ['z.school_to + 1', 'z.youth_to', 'z.club_unit'],
  ];
  await q.query(
    `CREATE TEMP TABLE scale_assessment ON COMMIT DROP AS
     SELECT x.ord, x.t, x.id, x.round_id, x.period, x.open, x.closes_on, x.child_id, x.gender, x.day, x.unit_id,
            x.known, x.present, x.age,
            -- Where the measurement counts it (replace-contribution.ts): the assessing unit if the child was
            -- enrolled there on the reference date, else the unit it had been enrolled in longest that day
            -- (then the smaller id); in no cell when it was in no unit or not 0–17 that day.
            CASE WHEN x.ref_band IS NULL THEN NULL
                 WHEN x.unit_id = x.main_unit OR (x.unit_id = x.club_unit AND x.club_from IS NOT NULL) THEN x.unit_id
                 WHEN x.main_unit IS NOT NULL AND (x.club_from IS NULL OR x.main_from < x.club_from
                                                   OR (x.main_from = x.club_from AND x.main_unit < x.club_unit))
                   THEN x.main_unit
                 WHEN x.club_from IS NOT NULL THEN x.club_unit END AS counted_unit,
            x.ref_band AS age_band, x.gender AS counted_gender,
            CASE WHEN x.level > ${LEVEL_MODEL.redAbove} THEN 'red'
                 WHEN x.level > ${LEVEL_MODEL.yellowAbove} THEN 'yellow' ELSE 'green' END::wellbeing_position AS position,
            bit_count((x.present & $5::bigint)::bit(64))::smallint AS protective_present,
            bit_count((x.known & $5::bigint)::bit(64))::smallint AS protective_known,
            bit_count((x.present & $6::bigint)::bit(64))::smallint AS risk_present,
            bit_count((x.known & $6::bigint)::bit(64))::smallint AS risk_known
       FROM (
         -- Each level computes its columns once (OFFSET 0 keeps the planner from inlining them twice).
         SELECT y.*, (($1::bigint[])[${bucketOf('y.child_level')} * ${size} + y.chronic_pick + 1]
                      | ($2::bigint[])[${bucketOf('y.level')} * ${size} + y.round_pick + 1]) & y.known AS present
           FROM (
             SELECT z.ord, z.t, ${orderedUuid(key, s.epochMs, seed + 110)} AS id, z.round_id, z.period, z.open,
                    z.closes_on, z.child_id, z.gender, z.day, z.age, z.child_level,
                    CASE WHEN z.day < z.daycare_from THEN $7::uuid WHEN z.day < z.school_from THEN z.daycare_unit
                         WHEN z.day <= z.school_to THEN z.school_unit ELSE z.club_unit END AS unit_id,
                    ${LEVEL_MODEL.persistentWeight} * z.child_level + ${LEVEL_MODEL.roundWeight} * ${gaussian(key, seed + 40)} AS level,
                    ${hashMod(chronicKey, seed + 42, String(size))} AS chronic_pick,
                    ${hashMod(key, seed + 43, String(size))} AS round_pick,
                    ($4::bigint[])[1 + z.age] & ~($3::bigint[])[1 + ${hashMod(key, seed + 44, String(size))}] AS known,
                    -- The child's enrolments on the period's reference date, exactly as insertEnrolments
                    -- made them: one main unit at a time and, for some pupils, a club beside school.
                    CASE ${mainOnRef.map(([from, to, unit]) => `WHEN ${onRef(from, to)} THEN ${unit}`).join(' ')} END AS main_unit,
                    CASE ${mainOnRef.map(([from, to]) => `WHEN ${onRef(from, to)} THEN ${from}`).join(' ')} END AS main_from,
                    z.club_unit,
                    CASE WHEN z.pupil_club_from <= z.ref AND z.pupil_club_from <= $8::date AND z.grade >= 0
                              AND z.school_to >= $8::date AND z.pupil_club_from >= z.school_from
                              AND ${uniform('z.ord', seed + 33)} < 0.35 THEN z.pupil_club_from END AS club_from,
                    age_band(age_on(z.birth_date, z.ref)) AS ref_band
               FROM (
                 SELECT k.*, extract(year FROM age(k.day, k.birth_date))::int AS age,
                        measurement_reference_date(k.period) AS ref,
                        $9::int - extract(year FROM k.birth_date)::int - 6 AS grade,
                        make_date($9::int - ${hashMod('k.ord', seed + 32, '3')}, 8, 1) AS pupil_club_from
                   FROM (
                     SELECT k.ord, k.id AS child_id, k.gender, k.birth_date, k.level AS child_level, k.daycare_from,
                            k.school_from, k.school_to, k.youth_to, k.daycare_unit, k.school_unit, k.club_unit,
                            r.t, r.id AS round_id, r.period, r.open, r.closes_on,
                            r.opens_on + floor(${uniform(drawKey, seed + 45)} * r.span)::int AS day
                       FROM scale_kid k CROSS JOIN scale_round r
                      WHERE ${uniform(drawKey, seed + 46)} < ${COVERAGE}
                     OFFSET 0) k
                  -- Babies from two months, young people until their 18th birthday.
                  WHERE k.day >= k.birth_date + 60 AND k.day <= k.youth_to
                 OFFSET 0) z
             OFFSET 0) y
         OFFSET 0) x`,
    [
      p.pools.chronic,
      p.pools.transient,
      p.pools.unknown,
      p.ages,
      p.protective,
      p.risk,
      p.healthVisitingId,
      s.today,
      schoolYearOf(s.today),
    ],
  );
  await q.query('ANALYZE scale_assessment');
}

/** The drawn assessments into the table, by the unit leader, locked when their round closed. */
export async function insertAssessments(
  q: Queryable,
  s: TScaleSql,
  authorId: string,
  catalogueId: string,
): Promise<number> {
  const { rowCount } = await q.query(
    `INSERT INTO assessments (municipality_id, id, round_id, child_id, unit_id, mode, author_id, catalogue_id,
                              assessed_on, position, present_mask, known_mask, protective_present, protective_known,
                              risk_present, risk_known, locked_at, locked_by, created_at, updated_at)
     SELECT $1, g.id, g.round_id, g.child_id, g.unit_id, 'joint', $2, $3, g.day, g.position, g.present, g.known,
            g.protective_present, g.protective_known, g.risk_present, g.risk_known,
            CASE WHEN NOT g.open THEN g.closes_on + time '15:00' END, CASE WHEN NOT g.open THEN $2::uuid END,
            g.day + time '10:00', g.day + time '10:00'
       FROM scale_assessment g`,
    [s.municipalityId, authorId, catalogueId],
  );
  return rowCount ?? 0;
}

/** The themes a contribution or cell is keyed by: 'all' (every protective factor) and each policy theme. */
export interface TThemeMasks {
  /** In the database's text order, so rows can be sorted by position instead of by text. */
  keys: string[];
  protective: string[];
  risk: string[];
}

const THEMES = 'unnest($2::text[], $3::bigint[], $4::bigint[]) WITH ORDINALITY th(theme_key, pm, rm, pos)';
const themeValue = (mask: string, theme: string) => `bit_count((g.${mask} & ${theme})::bit(64))`;

/**
 * Contributions of the drawn assessments of the given rounds: per assessment and theme, x = protective
 * present ÷ protective known (left out when none is known), risk load = risk factors present; the same
 * definition as the write path (modules/measurement/replace-contribution.ts). In primary-key order.
 */
export async function insertContributions(
  q: Queryable,
  s: TScaleSql,
  themes: TThemeMasks,
  roundIds: readonly string[],
): Promise<number> {
  const { rowCount } = await q.query(
    `INSERT INTO measurement_contributions (${CONTRIBUTION_COLUMNS})
     SELECT $1, g.period, g.child_id, th.theme_key, g.counted_unit, g.age_band, g.counted_gender, g.id,
            ${themeValue('present', 'th.pm')}::float8 / ${themeValue('known', 'th.pm')}, ${themeValue('present', 'th.rm')}
       FROM scale_assessment g CROSS JOIN ${THEMES}
      WHERE g.round_id = ANY($5::uuid[]) AND g.counted_unit IS NOT NULL AND ${themeValue('known', 'th.pm')} > 0
      ORDER BY g.t, g.ord, th.pos`,
    [s.municipalityId, themes.keys, themes.protective, themes.risk, roundIds],
  );
  return rowCount ?? 0;
}

/**
 * Cells of the drawn assessments of the given rounds straight from the assessments, by the same
 * definition as the contributions: one pass that sums every theme side by side per (period, unit, age
 * band, gender), then one row per theme — seven times fewer rows to group than theme by theme.
 */
export async function insertCellsFromAssessments(
  q: Queryable,
  s: TScaleSql,
  themes: TThemeMasks,
  roundIds: readonly string[],
): Promise<number> {
  const per = themes.keys.map((_, i) => i + 1);
  const list = (f: (i: number) => string, sep = ',\n                ') => per.map(f).join(sep);
  const { rowCount } = await q.query(
    `INSERT INTO measurement_cells (${CELL_COLUMNS})
     SELECT $1, c.period, c.unit_id, c.age_band, c.gender, ($2::text[])[v.i], v.n, v.sx, v.sx2, v.sr, v.sr2
       FROM (
         SELECT period, unit_id, age_band, gender,
                ${list((i) => `count(x${i}) AS n${i}, sum(x${i}) AS sx${i}, sum(x${i} * x${i}) AS sx2${i}, sum(r${i}) AS sr${i}, sum(r${i} * r${i}) AS sr2${i}`)}
           FROM (
             -- Per theme: x, or null when no protective factor of the theme is known (then left out).
             SELECT period, unit_id, age_band, gender,
                    ${list((i) => `CASE WHEN k${i} > 0 THEN p${i}::float8 / k${i} END AS x${i}, CASE WHEN k${i} > 0 THEN r${i} END AS r${i}`)}
               FROM (
                 SELECT g.period, g.counted_unit AS unit_id, g.age_band, g.counted_gender AS gender,
                        ${list(
                          (i) =>
                            `${themeValue('present', `($3::bigint[])[${i}]`)} AS p${i}, ${themeValue('known', `($3::bigint[])[${i}]`)} AS k${i}, ${themeValue('present', `($4::bigint[])[${i}]`)} AS r${i}`,
                          ',\n                        ',
                        )}
                   FROM scale_assessment g WHERE g.round_id = ANY($5::uuid[]) AND g.counted_unit IS NOT NULL
                 OFFSET 0) counted
             OFFSET 0) shares
          GROUP BY period, unit_id, age_band, gender
       ) c
       CROSS JOIN LATERAL (VALUES ${list((i) => `(${i}, n${i}, sx${i}, sx2${i}, sr${i}, sr2${i})`, ', ')}) v(i, n, sx, sx2, sr, sr2)
      WHERE v.n > 0`,
    [s.municipalityId, themes.keys, themes.protective, themes.risk, roundIds],
  );
  return rowCount ?? 0;
}
