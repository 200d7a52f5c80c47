import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import {
  addDays,
  CURRENT_FACTORS,
  childPicker,
  publishTestCatalogue,
  unitOf,
  writeCounts,
} from '../assessments/assessments.fixtures.ts';
import { cprOf, danishDate, postImport, xlsxOf } from './imports.fixtures.ts';

let t: TTestApp;
let professional: TSession;
let roundId: string;
let today: string;
/** Real values mixed into the garbage, so some rows get far into the checks. */
let cprs: string[];

beforeAll(async () => {
  t = await startTestApp({ children: 40 });
  const admin = await t.login('admin@demo.beskyt.test');
  const leader = await t.login('unitleader@demo.beskyt.test');
  professional = await t.login('professional@demo.beskyt.test');
  const demoId = admin.user.municipality.id;
  const schoolId = unitOf(leader, 'unitLeader');
  await publishTestCatalogue(t, demoId, CURRENT_FACTORS);
  today = (await t.db.pool.query('SELECT current_date::text AS d')).rows[0].d;
  const round = await t.as(admin, 'POST', '/api/v1/assessment-rounds', {
    name: 'Importegenskaber',
    opensOn: addDays(today, -3),
    closesOn: addDays(today, 3),
    unitIds: [schoolId],
  });
  expect(round.statusCode, round.body).toBe(201);
  roundId = round.json().id;
  const pick = childPicker(t, demoId);
  cprs = [];
  for (let i = 0; i < 3; i++) cprs.push(await cprOf(t, (await pick(schoolId)).id));
});
afterAll(() => t.close());

const headings = fc.oneof(
  fc.constant(['cpr', 'date', 'position']),
  fc.subarray(CURRENT_FACTORS.map((f) => f.code)).map((codes) => ['cpr', 'date', 'position', ...codes]),
  fc.array(fc.oneof(fc.string(), fc.constantFrom('cpr', 'date', 'position', 'TP-FRITID', 'X-UKENDT')), {
    maxLength: 6,
  }),
);

/** A cell: a value that is right somewhere, or anything at all. */
const cell = () =>
  fc.oneof(
    fc.constantFrom(...['grøn', 'red', 'til stede', '0', '1', '', 'ved ikke']),
    fc.constant(null).map(() => today),
    fc.constant(null).map(() => danishDate(today)),
    fc.nat({ max: 2 }).map((i) => cprs[i] as string),
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom('"', '";"', '\r\n', ';', ',', '=1+1', '\uFEFF', '\u0000'),
    fc.integer().map(String),
  );

const rows = fc.array(fc.array(cell(), { maxLength: 10 }), { minLength: 0, maxLength: 8 });

/** A row no check lets through: its position is never one. */
const badRow = fc.nat({ max: 2 }).map((i) => [cprs[i] as string, today, 'lilla']);

const csvFiles = fc
  .record({ heading: headings, rows, bad: badRow, at: fc.nat(), delimiter: fc.constantFrom(';', ',', '\t') })
  .map(({ heading, rows, bad, at, delimiter }) => {
    const body = [...rows];
    body.splice(at % (body.length + 1), 0, bad);
    const text = [heading, ...body].map((r) => r.join(delimiter)).join('\r\n');
    return { format: 'csv' as const, file: Buffer.from(text, 'utf8') };
  });

const xlsxCell = () =>
  fc.oneof(
    cell().filter((s) => !s.includes('\u0000')),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.date({ noInvalidDate: true }),
    fc.constant(null),
  );

const xlsxFiles = fc
  .record({
    heading: headings.map((h) => h.map((s) => s.replaceAll('\u0000', ''))),
    rows: fc.array(fc.array(xlsxCell(), { maxLength: 10 }), { maxLength: 6 }),
    bad: badRow,
  })
  .map(({ heading, rows, bad }) => ({ format: 'xlsx' as const, table: [heading, bad, ...rows] }));

const rawFiles = fc.record({
  format: fc.constantFrom('csv' as const, 'xlsx' as const),
  file: fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
});

describe('garbage files', () => {
  it('never answer 500 and never write anything', async () => {
    const before = await writeCounts(t);
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvFiles, xlsxFiles, rawFiles), async (input) => {
        const file = 'table' in input ? await xlsxOf(input.table) : input.file;
        const res = await postImport(t, professional, { roundId, format: input.format, file });
        expect(res.statusCode, res.body).toBe(400);
        expect(['IMPORT_INVALID', 'IMPORT_MALFORMED']).toContain(res.json().error.code);
      }),
      { numRuns: 120 },
    );
    expect(await writeCounts(t)).toEqual(before);
    const { rows } = await t.db.pool.query(
      'SELECT status, count(*)::int AS n FROM assessment_imports GROUP BY status ORDER BY status',
    );
    // Each import that got as far as its rows ended failed, with nothing left staged.
    expect(rows.every((r) => r.status === 'failed')).toBe(true);
    const staged = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM assessment_imports WHERE staged IS NOT NULL',
    );
    expect(staged.rows[0].n).toBe(0);
  });
});
