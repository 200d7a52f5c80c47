import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { MAX_IMPORT_ROWS } from '../../../shared/schemas/imports.ts';
import { enqueueAssessmentImport, startJobs } from '../../jobs/jobs.ts';
import {
  addDays,
  addUser,
  CURRENT_FACTORS,
  childPicker,
  publishTestCatalogue,
  RETIRED_CODE,
  unitOf,
  writeCounts,
} from '../assessments/assessments.fixtures.ts';
import { verifyAuditChain } from '../audit/verify-chain.ts';
import { loadSession } from '../auth/sessions.ts';
import { createAssessmentImport } from './create-assessment-import.ts';
import { cprOf, csvOf, danishDate, postImport, xlsxOf } from './imports.fixtures.ts';
import { runAssessmentImport } from './run-assessment-import.ts';

let t: TTestApp;
let demoId: string;
let naboId: string;
let today: string;
let admin: TSession;
let leader: TSession;
let professional: TSession;
let schoolId: string;
let daycareId: string;
let otherSchoolId: string;
let pick: ReturnType<typeof childPicker>;
let counter = 0;

const HEADING = ['cpr', 'date', 'position'];
const FACTOR_CODES = CURRENT_FACTORS.map((f) => f.code);

async function openRound(opensOn = addDays(today, -7), closesOn = addDays(today, 30)) {
  const res = await t.as(admin, 'POST', '/api/v1/assessment-rounds', {
    name: `Importrunde ${randomUUID().slice(0, 8)} ${++counter}`,
    opensOn,
    closesOn,
    unitIds: [schoolId, daycareId],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; period: string; opensOn: string };
}

/** Children the professional may assess (school and daycare), each with its CPR number. */
async function assessable(n: number): Promise<{ id: string; cpr: string; birthDate: string }[]> {
  const children = [];
  for (let i = 0; i < n; i++) {
    const c = await pick(i % 2 === 0 ? schoolId : daycareId, [1, 17]);
    children.push({ ...c, cpr: await cprOf(t, c.id) });
  }
  return children;
}

async function jointAssessments(roundId: string) {
  const { rows } = await t.db.pool.query(
    `SELECT id, child_id, unit_id, author_id, assessed_on, position, present_mask::text, known_mask::text,
            protective_present, protective_known, risk_present, risk_known
       FROM assessments WHERE round_id = $1 AND mode = 'joint' ORDER BY child_id`,
    [roundId],
  );
  return rows;
}

/** n per measurement cell of the period, keyed unit|age band|gender|theme. */
async function cellCounts(period: string, childIds?: string[]): Promise<Record<string, number>> {
  const { rows } = childIds
    ? await t.db.pool.query(
        `SELECT concat_ws('|', unit_id, age_band, gender, theme_key) AS key, count(*)::int AS n
           FROM measurement_contributions WHERE municipality_id = $1 AND period = $2 AND child_id = ANY($3::uuid[])
          GROUP BY 1`,
        [demoId, period, childIds],
      )
    : await t.db.pool.query(
        `SELECT concat_ws('|', unit_id, age_band, gender, theme_key) AS key, n FROM measurement_cells
          WHERE municipality_id = $1 AND period = $2 AND n <> 0`,
        [demoId, period],
      );
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

/** Every cell of the period equals a plain recomputation from the children's contributions. */
async function expectCellsMatchContributions(period: string) {
  const { rows } = await t.db.pool.query(
    `WITH plain AS (
       SELECT unit_id, age_band, gender, theme_key, count(*)::int AS n, sum(x) AS sum_x, sum(risk_load)::float8 AS sum_risk
         FROM measurement_contributions WHERE municipality_id = $1 AND period = $2 GROUP BY 1, 2, 3, 4),
     live AS (SELECT * FROM measurement_cells WHERE municipality_id = $1 AND period = $2 AND n <> 0)
     SELECT p.n AS pn, c.n AS cn, abs(p.sum_x - c.sum_x) + abs(p.sum_risk - c.sum_risk) AS diff
       FROM plain p FULL JOIN live c USING (unit_id, age_band, gender, theme_key)`,
    [demoId, period],
  );
  for (const r of rows) {
    expect(r.pn).toBe(r.cn);
    expect(r.diff).toBeLessThan(1e-9);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@demo.beskyt.test');
  leader = await t.login('unitleader@demo.beskyt.test');
  professional = await t.login('professional@demo.beskyt.test');
  demoId = admin.user.municipality.id;
  naboId = (await t.login('admin@nabo.beskyt.test')).user.municipality.id;
  schoolId = unitOf(leader, 'unitLeader');
  daycareId = (professional.user.roles ?? []).map((r) => r.unitId).find((u) => u && u !== schoolId) as string;
  const { rows } = await t.db.pool.query(
    `SELECT u.id FROM units u WHERE u.municipality_id = $1 AND u.kind = 'school' AND u.id <> $2
        AND EXISTS (SELECT 1 FROM enrolments e WHERE e.unit_id = u.id AND (e.to_date IS NULL OR e.to_date >= current_date))
      ORDER BY u.name LIMIT 1`,
    [demoId, schoolId],
  );
  otherSchoolId = rows[0].id;
  await publishTestCatalogue(t, demoId, [
    ...CURRENT_FACTORS.filter((f) => f.code !== 'TR-KONFLIKT'),
    { code: RETIRED_CODE, kind: 'risk', themes: ['t-tryghed'] },
  ]);
  await publishTestCatalogue(t, demoId, CURRENT_FACTORS);
  today = (await t.db.pool.query('SELECT current_date::text AS d')).rows[0].d;
});
// Every test imports into rounds of its own, so children may come again in the next test.
beforeEach(() => {
  pick = childPicker(t, demoId);
});
afterAll(() => t.close());

describe('importing a green/yellow/red export', () => {
  it('makes one joint assessment per row, dated from the file, and the unit’s distribution counts them', async () => {
    // Opens today, so it is the unit's latest round in the leader's view.
    const round = await openRound(today);
    const children = [];
    for (let i = 0; i < 3; i++) children.push(await pick(schoolId, [1, 17]));
    const cprs = await Promise.all(children.map((c) => cprOf(t, c.id)));
    const positions = ['grøn', 'Gul', 'RØD'];
    const file = csvOf([
      HEADING,
      [cprs[0] as string, danishDate(today), positions[0] as string],
      // Without the dash, an ISO date, and Danish words in any case.
      [(cprs[1] as string).replace('-', ''), today, positions[1] as string],
      [cprs[2] as string, danishDate(today), positions[2] as string],
    ]);
    const ids = children.map((c) => c.id);
    const cellsBefore = await cellCounts(round.period);
    // The seed's open round may share the period: the children's earlier joint assessments count there now.
    const earlier = await cellCounts(round.period, ids);
    const res = await postImport(t, professional, { roundId: round.id, file });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'done',
      layout: 'position',
      totalRows: 3,
      processedRows: 3,
      percent: 100,
      created: 3,
    });
    const made = await jointAssessments(round.id);
    const byChild = new Map(made.map((a) => [a.child_id, a]));
    for (const [i, c] of children.entries()) {
      expect(byChild.get(c.id)).toMatchObject({
        unit_id: schoolId,
        author_id: professional.user.id,
        assessed_on: today,
        position: ['green', 'yellow', 'red'][i],
        present_mask: '0',
        known_mask: '0',
        protective_known: 0,
      });
    }
    const view = await t.as(leader, 'GET', `/api/v1/units/${schoolId}/wellbeing`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().latest).toMatchObject({
      round: { id: round.id },
      total: 3,
      counts: { green: 1, yellow: 1, red: 1 },
    });
    // The yellow and red imported children are to be followed up, the green one is not; yellow and red
    // children of the last completed round stay on the list beside them until reassessed (issue 12).
    const followUp = view.json().followUp.map((f: { childId: string }) => f.childId);
    expect(followUp).toEqual(expect.arrayContaining([children[1]?.id, children[2]?.id]));
    expect(followUp).not.toContain(children[0]?.id);
    // A child counts once per period, through its latest joint assessment — now the imported one. It
    // assesses no protective factor, so the children leave the parameter for the period.
    expect(await cellCounts(round.period, ids)).toEqual({});
    const expected = { ...cellsBefore };
    for (const [key, n] of Object.entries(earlier)) expected[key] = (expected[key] ?? 0) - n;
    expect(await cellCounts(round.period)).toEqual(
      Object.fromEntries(Object.entries(expected).filter(([, n]) => n !== 0)),
    );
    await expectCellsMatchContributions(round.period);
  });
});

describe('importing factor columns', () => {
  it('packs an XLSX file’s factor columns into the same masks, counts and rollup as a form would', async () => {
    const round = await openRound();
    const [a, b, c] = await assessable(3);
    if (!a || !b || !c) throw new Error('children');
    const heading = ['CPR', 'Date', 'Position', ...FACTOR_CODES];
    const file = await xlsxOf([
      heading,
      // TP-FRITID, TP-VOKSEN present, TP-SKOLE absent, TP-SPROG not known, TR-FRAVAER present, TR-MOBNING blank, TR-KONFLIKT absent.
      [
        a.cpr,
        new Date(`${today}T00:00:00Z`),
        'yellow',
        'til stede',
        'present',
        'ikke til stede',
        'ved ikke',
        1,
        null,
        0,
      ],
      // Every factor present; the CPR number as a number, as a spreadsheet stores it.
      [Number(b.cpr.replace('-', '')), danishDate(today), 'grøn', 1, 1, 1, 1, 1, 1, 1],
      // Nothing known.
      [c.cpr, today, 'red', 'unknown', '', null, 'ved ikke', 'Ved ikke', null, 'unknown'],
    ]);
    const res = await postImport(t, professional, { roundId: round.id, format: 'xlsx', file });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'done', layout: 'factors', created: 3 });
    const made = new Map((await jointAssessments(round.id)).map((x) => [x.child_id, x]));
    const bits = (...n: bigint[]) =>
      BigInt.asIntN(
        64,
        n.reduce((m, b) => m | (1n << b), 0n),
      ).toString();
    // Bits: TP-FRITID 0, TP-VOKSEN 1, TP-SKOLE 2, TP-SPROG 63, TR-FRAVAER 4, TR-MOBNING 5, TR-KONFLIKT 6.
    expect(made.get(a.id)).toMatchObject({
      position: 'yellow',
      present_mask: bits(0n, 1n, 4n),
      known_mask: bits(0n, 1n, 2n, 4n, 6n),
      protective_present: 2,
      protective_known: 3,
      risk_present: 1,
      risk_known: 2,
    });
    expect(made.get(b.id)).toMatchObject({
      present_mask: bits(0n, 1n, 2n, 63n, 4n, 5n, 6n),
      known_mask: bits(0n, 1n, 2n, 63n, 4n, 5n, 6n),
      protective_present: 4,
      protective_known: 4,
      risk_present: 3,
      risk_known: 3,
    });
    expect(made.get(c.id)).toMatchObject({ present_mask: '0', known_mask: '0', protective_known: 0 });

    // The same states sent through the assessment form give the same stored record.
    const [twin] = await assessable(1);
    const form = await t.as(professional, 'POST', '/api/v1/assessments', {
      roundId: round.id,
      childId: twin?.id,
      mode: 'joint',
      position: 'yellow',
      factors: [
        { code: 'TP-FRITID', state: 'present' },
        { code: 'TP-VOKSEN', state: 'present' },
        { code: 'TP-SKOLE', state: 'absent' },
        { code: 'TP-SPROG', state: 'unknown' },
        { code: 'TR-FRAVAER', state: 'present' },
        { code: 'TR-MOBNING', state: 'unknown' },
        { code: 'TR-KONFLIKT', state: 'absent' },
      ],
    });
    expect(form.statusCode, form.body).toBe(201);
    const formed = (await jointAssessments(round.id)).find((x) => x.child_id === twin?.id);
    const pickStored = (x: Record<string, unknown> | undefined) => ({
      present_mask: x?.present_mask,
      known_mask: x?.known_mask,
      protective_present: x?.protective_present,
      protective_known: x?.protective_known,
      risk_present: x?.risk_present,
      risk_known: x?.risk_known,
    });
    expect(pickStored(made.get(a.id))).toEqual(pickStored(formed));

    // Factor rows as the assessment shows them, and the child's contribution to the parameter.
    const shown = await t.as(professional, 'GET', `/api/v1/assessments/${made.get(a.id)?.id}`);
    expect(shown.statusCode, shown.body).toBe(200);
    const states = Object.fromEntries(
      shown.json().factors.map((f: { code: string; state: string }) => [f.code, f.state]),
    );
    expect(states).toEqual({
      'TP-FRITID': 'present',
      'TP-VOKSEN': 'present',
      'TP-SKOLE': 'absent',
      'TP-SPROG': 'unknown',
      'TR-FRAVAER': 'present',
      'TR-MOBNING': 'unknown',
      'TR-KONFLIKT': 'absent',
    });
    const { rows: contribution } = await t.db.pool.query(
      'SELECT theme_key, x, risk_load FROM measurement_contributions WHERE period = $1 AND child_id = $2 ORDER BY theme_key',
      [round.period, a.id],
    );
    expect(contribution).toEqual([
      { theme_key: 'all', x: 2 / 3, risk_load: 1 },
      { theme_key: 't-faellesskab', x: 1 / 2, risk_load: 1 },
      { theme_key: 't-tryghed', x: 1 / 2, risk_load: 0 },
    ]);
    await expectCellsMatchContributions(round.period);
  });
});

describe('all or nothing', () => {
  it('writes nothing when one row of many is bad, and reports exactly that row and field', async () => {
    const round = await openRound();
    const children = await assessable(9);
    const rows = children.map((c, i) => [c.cpr, today, i === 5 ? 'lilla' : 'green']);
    const before = await writeCounts(t);
    const res = await postImport(t, professional, { roundId: round.id, file: csvOf([HEADING, ...rows]) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toEqual({
      code: 'IMPORT_INVALID',
      message: 'Filen er ikke indlæst: der er fejl i 1 af rækkerne. Intet er gemt.',
      // The heading is line 1, so the sixth data row is line 7.
      rows: [{ row: 7, field: 'position', message: 'Skal være grøn, gul eller rød.' }],
    });
    expect(await writeCounts(t)).toEqual(before);
    expect(await jointAssessments(round.id)).toEqual([]);
  });

  it('answers in English for an English-speaking user', async () => {
    const round = await openRound();
    const [c] = await assessable(1);
    const english = await addUser(t, demoId, 'professional', [schoolId, daycareId]);
    await t.as(english, 'PUT', '/api/v1/auth/locale', { locale: 'en' });
    const res = await postImport(t, english, {
      roundId: round.id,
      file: csvOf([HEADING, [c?.cpr as string, '2026-02-30', 'green']]),
    });
    expect(res.json().error).toMatchObject({
      code: 'IMPORT_INVALID',
      rows: [{ row: 2, field: 'date', message: 'Is not a valid date (dd-mm-yyyy or yyyy-mm-dd).' }],
    });
  });

  it('refuses a child that already has a joint assessment in the round, and one listed twice in the file', async () => {
    const round = await openRound();
    const [done, twice, fine] = await assessable(3);
    if (!done || !twice || !fine) throw new Error('children');
    const first = await postImport(t, professional, {
      roundId: round.id,
      file: csvOf([HEADING, [done.cpr, today, 'green']]),
    });
    expect(first.statusCode, first.body).toBe(201);
    const before = await writeCounts(t);
    const res = await postImport(t, professional, {
      roundId: round.id,
      file: csvOf([
        HEADING,
        [twice.cpr, today, 'green'],
        [done.cpr, today, 'yellow'],
        [fine.cpr, today, 'green'],
        [twice.cpr.replace('-', ''), today, 'red'],
      ]),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.rows).toEqual([
      { row: 3, field: 'cpr', message: 'Barnet har allerede en fælles vurdering i denne runde.' },
      { row: 5, field: 'cpr', message: 'Barnet står allerede i række 2.' },
    ]);
    expect(await writeCounts(t)).toEqual(before);
  });

  it('refuses dates outside the round and in the future, and dates that do not exist', async () => {
    const round = await openRound(addDays(today, -7), addDays(today, 30));
    const [a, b, c, d] = await assessable(4);
    const res = await postImport(t, professional, {
      roundId: round.id,
      file: csvOf([
        HEADING,
        [a?.cpr as string, addDays(today, -8), 'green'],
        [b?.cpr as string, danishDate(addDays(today, 1)), 'green'],
        [c?.cpr as string, '31-02-2026', 'green'],
        [d?.cpr as string, today, 'green'],
      ]),
    });
    expect(res.statusCode, res.body).toBe(400);
    const window = `Skal ligge i runden og ikke i fremtiden: fra ${addDays(today, -7)} til ${today}.`;
    expect(res.json().error.rows).toEqual([
      { row: 2, field: 'date', message: window },
      { row: 3, field: 'date', message: window },
      { row: 4, field: 'date', message: 'Er ikke en gyldig dato (dd-mm-åååå eller åååå-mm-dd).' },
    ]);
    expect(await jointAssessments(round.id)).toEqual([]);
  });

  it('names every problem of a row, each in its column', async () => {
    const round = await openRound();
    const res = await postImport(t, professional, {
      roundId: round.id,
      file: csvOf([
        [...HEADING, 'TP-FRITID'],
        ['123456-7890', 'i går', '', 'måske'],
      ]),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.rows).toEqual([
      { row: 2, field: 'cpr', message: 'Er ikke et gyldigt CPR-nummer (ddmmåå-xxxx).' },
      { row: 2, field: 'date', message: 'Er ikke en gyldig dato (dd-mm-åååå eller åååå-mm-dd).' },
      { row: 2, field: 'position', message: 'Skal udfyldes.' },
      {
        row: 2,
        field: 'TP-FRITID',
        message: 'Skal være til stede, ikke til stede eller ved ikke (eller 1, 0 eller tom).',
      },
    ]);
  });
});

describe('children the user may not assess', () => {
  it('answers alike for a child of another municipality, a child outside the user’s units and an unused CPR number', async () => {
    const round = await openRound();
    const { rows: nabo } = await t.db.pool.query(
      'SELECT id FROM children WHERE municipality_id = $1 ORDER BY id LIMIT 1',
      [naboId],
    );
    const { rows: outsiders } = await t.db.pool.query(
      `SELECT c.id FROM children c WHERE c.municipality_id = $1
          AND EXISTS (SELECT 1 FROM enrolments e WHERE e.child_id = c.id AND e.unit_id = $2)
          AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.child_id = c.id AND e.unit_id = ANY($3::uuid[]))
        ORDER BY c.id LIMIT 1`,
      [demoId, otherSchoolId, [schoolId, daycareId]],
    );
    const outside = outsiders[0] as { id: string };
    const unused = '010120-4999';
    const { rowCount } = await t.db.pool.query('SELECT 1 FROM children WHERE cpr_hash = $1', [
      t.cipher.hash(unused),
    ]);
    expect(rowCount).toBe(0);
    const [fine] = await assessable(1);
    const before = await writeCounts(t);
    const res = await postImport(t, professional, {
      roundId: round.id,
      file: csvOf([
        HEADING,
        [await cprOf(t, nabo[0].id), today, 'green'],
        [await cprOf(t, outside.id), today, 'green'],
        [unused, today, 'green'],
        [fine?.cpr as string, today, 'green'],
      ]),
    });
    expect(res.statusCode, res.body).toBe(400);
    const message = 'Der er intet barn med dette CPR-nummer, som du kan vurdere i denne runde.';
    expect(res.json().error.rows).toEqual([
      { row: 2, field: 'cpr', message },
      { row: 3, field: 'cpr', message },
      { row: 4, field: 'cpr', message },
    ]);
    expect(await writeCounts(t)).toEqual(before);
  });

  it('answers 404 for a round of another municipality or one none of the user’s units takes part in', async () => {
    const round = await openRound();
    const nabo = await t.login('professional@nabo.beskyt.test');
    const file = csvOf([HEADING, ['010120-4999', today, 'green']]);
    const res = await postImport(t, nabo, { roundId: round.id, file });
    expect(res.statusCode, res.body).toBe(404);
    const outsider = await addUser(t, demoId, 'professional', [otherSchoolId]);
    expect((await postImport(t, outsider, { roundId: round.id, file })).statusCode).toBe(404);
  });

  it('refuses a round that is not open today with 409', async () => {
    const round = await openRound(addDays(today, 5), addDays(today, 30));
    const [c] = await assessable(1);
    const res = await postImport(t, professional, {
      roundId: round.id,
      file: csvOf([HEADING, [c?.cpr as string, today, 'green']]),
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('ROUND_CLOSED');
  });
});

describe('files that cannot be read', () => {
  it('refuses a heading naming an unknown factor or one of another catalogue version, naming the column', async () => {
    const round = await openRound();
    const [c] = await assessable(1);
    const before = await writeCounts(t);
    const res = await postImport(t, professional, {
      roundId: round.id,
      file: csvOf([
        [...HEADING, 'TP-FRITID', 'TP-UKENDT', RETIRED_CODE],
        [c?.cpr as string, today, 'green', '1', '1', '1'],
      ]),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'IMPORT_MALFORMED',
      message: 'Filen kan ikke indlæses. Intet er gemt.',
      rows: [
        { row: 1, field: 'TP-UKENDT', message: 'Ukendt faktor: TP-UKENDT.' },
        { row: 1, field: RETIRED_CODE, message: expect.stringContaining('en anden version af kataloget') },
      ],
    });
    expect(await writeCounts(t)).toEqual(before);
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM assessment_imports WHERE round_id = $1',
      [round.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses a heading without a required column, or with a column twice', async () => {
    const round = await openRound();
    const res = await postImport(t, professional, {
      roundId: round.id,
      file: csvOf([
        ['cpr', 'position', 'TP-FRITID', 'tp-fritid'],
        ['010120-4999', 'green', '1', '1'],
      ]),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.rows).toEqual([
      { row: 1, field: 'tp-fritid', message: 'Kolonnen tp-fritid findes mere end én gang.' },
      { row: 1, field: 'date', message: 'Kolonnen date mangler.' },
    ]);
  });

  const tooMany = () => {
    const rows: string[][] = [HEADING];
    // Long rows: the file is well over the app's usual 256 KB body limit.
    for (let i = 0; i <= MAX_IMPORT_ROWS; i++) rows.push(['010120-4999', today, `green${' '.repeat(40)}`]);
    return csvOf(rows);
  };
  const CASES: [string, () => Buffer | Promise<Buffer>, 'csv' | 'xlsx', string][] = [
    ['an empty file', () => Buffer.alloc(0), 'csv', 'Filen er tom.'],
    ['blank lines only', () => Buffer.from('\r\n ; ; \r\n\r\n'), 'csv', 'Filen er tom.'],
    [
      'a binary file sent as CSV',
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]),
      'csv',
      'Er ikke en CSV-fil (tekst med kolonner adskilt af komma eller semikolon).',
    ],
    [
      'a CSV file sent as XLSX',
      () => csvOf([HEADING, ['010120-4999', today, 'green']]),
      'xlsx',
      'Er ikke en XLSX-fil (Excel-projektmappe).',
    ],
    [
      'a damaged workbook',
      async () => (await xlsxOf([HEADING])).subarray(0, 300),
      'xlsx',
      'Er ikke en XLSX-fil (Excel-projektmappe).',
    ],
    [
      'no heading',
      () => csvOf([['010120-4999', today, 'green']]),
      'csv',
      'Første række skal være kolonneoverskrifterne cpr, date og position.',
    ],
    [
      'a heading and no rows',
      () => csvOf([HEADING]),
      'csv',
      'Filen har kolonneoverskrifter, men ingen rækker med vurderinger.',
    ],
    [
      'a quotation mark never closed',
      () => Buffer.from(`cpr;date;position\r\n010120-4999;${today};"green\r\n`),
      'csv',
      'Et anførselstegn på linje 2 lukkes aldrig.',
    ],
    ['more than 5,000 rows', tooMany, 'csv', 'Filen har 5001 rækker; højst 5000 pr. fil. Del den op.'],
    ['an empty workbook', () => xlsxOf([]), 'xlsx', 'Filen er tom.'],
  ];

  it.each(CASES)('refuses %s, naming the problem', async (_name, make, format, problem) => {
    const round = await openRound();
    const before = await writeCounts(t);
    const res = await postImport(t, professional, { roundId: round.id, format, file: await make() });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toEqual({
      code: 'IMPORT_MALFORMED',
      message: 'Filen kan ikke indlæses. Intet er gemt.',
      fields: { content: problem },
    });
    expect(await writeCounts(t)).toEqual(before);
  });

  it('refuses content that is not base64, and a body over the import limit with 413', async () => {
    const round = await openRound();
    const res = await t.as(professional, 'POST', '/api/v1/assessment-imports?wait=true', {
      roundId: round.id,
      format: 'csv',
      fileName: 'x.csv',
      content: 'ikke base64!',
      mode: 'joint',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.content).toBeTruthy();
    const huge = await t.as(professional, 'POST', '/api/v1/assessment-imports', {
      roundId: round.id,
      format: 'csv',
      fileName: 'x.csv',
      content: 'A'.repeat(11 * 1024 * 1024),
      mode: 'joint',
    });
    expect(huge.statusCode).toBe(413);
    // Every other route keeps the app's limit.
    const note = await t.as(professional, 'POST', '/api/v1/assessments', { note: 'x'.repeat(300 * 1024) });
    expect(note.statusCode).toBe(413);
  });

  it('reads a Windows-1252 CSV with commas, quotes and a BOM-less heading', async () => {
    const round = await openRound();
    const [c] = await assessable(1);
    const text = `"cpr",date,"position"\r\n${c?.cpr},${danishDate(today)},"Grøn"\r\n`;
    const res = await postImport(t, professional, { roundId: round.id, file: Buffer.from(text, 'latin1') });
    expect(res.statusCode, res.body).toBe(201);
    expect((await jointAssessments(round.id))[0]).toMatchObject({ child_id: c?.id, position: 'green' });
  });
});

describe('progress', () => {
  it('answers 202 at once and runs the import as a job whose progress reaches 100 % and done', async () => {
    const round = await openRound();
    const children = await assessable(6);
    const file = csvOf([HEADING, ...children.map((c) => [c.cpr, today, 'yellow'])]);
    const res = await postImport(t, professional, { roundId: round.id, file }, false);
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json();
    expect(Object.keys(res.json())).toEqual(['id']);
    const seen: number[] = [];
    await expect
      .poll(
        async () => {
          const p = (await t.as(professional, 'GET', `/api/v1/assessment-imports/${id}`)).json();
          seen.push(p.percent);
          return p.status;
        },
        { timeout: 15_000, interval: 50 },
      )
      .toBe('done');
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    const done = (await t.as(professional, 'GET', `/api/v1/assessment-imports/${id}`)).json();
    expect(done).toMatchObject({
      id,
      roundId: round.id,
      fileName: 'vurderinger.csv',
      status: 'done',
      totalRows: 6,
      processedRows: 6,
      percent: 100,
      created: 6,
    });
    expect(done.errorReport).toBeUndefined();
    expect(done.finishedAt).toBeTruthy();
    // The staged rows (CPR hashes) are gone once it has finished.
    const { rows } = await t.db.pool.query('SELECT staged FROM assessment_imports WHERE id = $1', [id]);
    expect(rows[0].staged).toBeNull();
    // The job run again (a retry) leaves a finished import alone.
    const before = await writeCounts(t);
    await runAssessmentImport(t, id);
    expect(await writeCounts(t)).toEqual(before);
  });

  it('records a failed job’s report for the progress view, translated for each reader', async () => {
    const round = await openRound();
    const [c] = await assessable(1);
    const file = csvOf([HEADING, [c?.cpr as string, today, 'blå']]);
    const { id } = (await postImport(t, professional, { roundId: round.id, file }, false)).json();
    await expect
      .poll(async () => (await t.as(professional, 'GET', `/api/v1/assessment-imports/${id}`)).json().status, {
        timeout: 15_000,
        interval: 50,
      })
      .toBe('failed');
    const failed = (await t.as(professional, 'GET', `/api/v1/assessment-imports/${id}`)).json();
    expect(failed).toMatchObject({
      status: 'failed',
      percent: 100,
      created: 0,
      errorReport: {
        code: 'IMPORT_INVALID',
        rows: [{ row: 2, field: 'position', message: 'Skal være grøn, gul eller rød.' }],
      },
    });
    expect(await jointAssessments(round.id)).toEqual([]);
  });

  it('counts validation as the first half and writing as the second', async () => {
    const { importPercent } = await import('./get-assessment-import.ts');
    expect(importPercent('queued', 0, 10)).toBe(0);
    expect(importPercent('validating', 5, 10)).toBe(25);
    expect(importPercent('importing', 0, 10)).toBe(50);
    expect(importPercent('importing', 10, 10)).toBe(100);
    expect(importPercent('done', 10, 10)).toBe(100);
    expect(importPercent('failed', 3, 10)).toBe(100);
  });

  it('shows the progress to its starter and the leaders of the round’s units only', async () => {
    const round = await openRound();
    const [c] = await assessable(1);
    const file = csvOf([HEADING, [c?.cpr as string, today, 'green']]);
    const started = await postImport(t, professional, { roundId: round.id, file });
    expect(started.statusCode, started.body).toBe(201);
    const url = `/api/v1/assessment-imports/${started.json().id}`;
    expect((await t.as(professional, 'GET', url)).statusCode).toBe(200);
    expect((await t.as(leader, 'GET', url)).statusCode).toBe(200);
    const colleague = await addUser(t, demoId, 'professional', [schoolId]);
    const otherLeader = await addUser(t, demoId, 'unitLeader', [otherSchoolId]);
    const nabo = await t.login('professional@nabo.beskyt.test');
    for (const session of [colleague, otherLeader, nabo]) {
      const res = await t.as(session, 'GET', url);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const analyst = await t.login('analyst@demo.beskyt.test');
    expect((await t.as(analyst, 'GET', url)).statusCode).toBe(403);
  });
});

describe('the job', () => {
  /** An import received but not yet run: the use-case called directly, as the route does. */
  async function queued(session: TSession, roundId: string, file: Buffer): Promise<string> {
    const user = await loadSession(t.db, session.cookie.replace('beskyt_session=', ''));
    if (!user) throw new Error('no session');
    const ctx = { db: t.db, audit: t.audit, cipher: t.cipher, user, ip: '127.0.0.1', locale: 'da' as const };
    const { id } = await createAssessmentImport(ctx, {
      roundId,
      format: 'csv',
      fileName: 'venter.csv',
      content: file.toString('base64'),
      mode: 'joint',
    });
    return id;
  }

  async function state(id: string) {
    return (await t.as(professional, 'GET', `/api/v1/assessment-imports/${id}`)).json();
  }

  it('checks the rows as they are when it runs: a joint assessment made meanwhile is reported', async () => {
    const round = await openRound();
    const [a, b] = await assessable(2);
    if (!a || !b) throw new Error('children');
    const id = await queued(
      professional,
      round.id,
      csvOf([HEADING, [a.cpr, today, 'green'], [b.cpr, today, 'red']]),
    );
    expect(await state(id)).toMatchObject({ status: 'queued', percent: 0, totalRows: 2 });
    const colleague = await addUser(t, demoId, 'professional', [schoolId, daycareId]);
    const meanwhile = await t.as(colleague, 'POST', '/api/v1/assessments', {
      roundId: round.id,
      childId: b.id,
      mode: 'joint',
      position: 'yellow',
    });
    expect(meanwhile.statusCode, meanwhile.body).toBe(201);
    await runAssessmentImport(t, id);
    expect(await state(id)).toMatchObject({
      status: 'failed',
      created: 0,
      errorReport: {
        code: 'IMPORT_INVALID',
        rows: [{ row: 3, field: 'cpr', message: 'Barnet har allerede en fælles vurdering i denne runde.' }],
      },
    });
    expect((await jointAssessments(round.id)).map((x) => x.child_id)).toEqual([b.id]);
  });

  it('runs through the pg-boss queue the app uses', async () => {
    const round = await openRound();
    const children = await assessable(2);
    const id = await queued(
      professional,
      round.id,
      csvOf([HEADING, ...children.map((c) => [c.cpr, today, 'gul'])]),
    );
    const boss = await startJobs(t.url, t.db);
    try {
      await enqueueAssessmentImport(boss, id);
      await expect
        .poll(async () => (await state(id)).status, { timeout: 20_000, interval: 200 })
        .toBe('done');
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    expect(await state(id)).toMatchObject({ created: 2, percent: 100 });
    expect(await jointAssessments(round.id)).toHaveLength(2);
  });

  it('fails with ROUND_CLOSED when the round has closed before it runs, writing nothing', async () => {
    const round = await openRound();
    const [a] = await assessable(1);
    const id = await queued(professional, round.id, csvOf([HEADING, [a?.cpr as string, today, 'green']]));
    await t.db.pool.query('UPDATE assessment_rounds SET closes_on = $2 WHERE id = $1', [
      round.id,
      addDays(today, -1),
    ]);
    await runAssessmentImport(t, id);
    expect(await state(id)).toMatchObject({
      status: 'failed',
      errorReport: { code: 'ROUND_CLOSED', message: 'Vurderingsrunden er ikke åben i dag.', rows: [] },
    });
    expect(await jointAssessments(round.id)).toEqual([]);
  });

  it('uses the starter’s units as they are when it runs, not as they were when the file came', async () => {
    const round = await openRound();
    const [a] = await assessable(1);
    const mover = await addUser(t, demoId, 'professional', [schoolId, daycareId]);
    const id = await queued(mover, round.id, csvOf([HEADING, [a?.cpr as string, today, 'green']]));
    await t.db.pool.query('DELETE FROM role_assignments WHERE user_id = $1', [mover.user.id]);
    await runAssessmentImport(t, id);
    const { rows } = await t.db.pool.query(
      'SELECT status, error_report FROM assessment_imports WHERE id = $1',
      [id],
    );
    expect(rows[0]).toMatchObject({
      status: 'failed',
      error_report: { code: 'IMPORT_INVALID', rows: [{ row: 2, field: 'cpr', key: 'field.importNoChild' }] },
    });
  });
});

describe('audit', () => {
  it('writes one audit event per imported assessment, and one for the import, in an unbroken chain', async () => {
    const round = await openRound();
    const children = await assessable(4);
    const file = csvOf([HEADING, ...children.map((c) => [c.cpr, today, 'green'])]);
    const res = await postImport(t, professional, { roundId: round.id, file });
    expect(res.statusCode, res.body).toBe(201);
    const importId = res.json().id;
    await t.audit.drain();
    const { rows: events } = await t.db.pool.query(
      `SELECT user_id, role, action, entity, entity_id, child_id, purpose, detail FROM audit_events
        WHERE municipality_id = $1 AND (detail->>'importId' = $2 OR entity_id = $2::uuid) ORDER BY seq`,
      [demoId, importId],
    );
    const made = await jointAssessments(round.id);
    expect(events).toHaveLength(5);
    for (const a of made) {
      expect(events).toContainEqual({
        user_id: professional.user.id,
        role: 'professional',
        action: 'create',
        entity: 'assessment',
        entity_id: a.id,
        child_id: a.child_id,
        purpose: `enrolment:${a.unit_id}`,
        detail: expect.objectContaining({ mode: 'joint', roundId: round.id, importId }),
      });
    }
    expect(events.at(-1)).toMatchObject({
      action: 'import',
      entity: 'assessment-import',
      entity_id: importId,
      child_id: null,
      detail: { roundId: round.id, fileName: 'vurderinger.csv', created: 4 },
    });
    expect((await verifyAuditChain(t.db)).firstBreak).toBeNull();
  });
});
