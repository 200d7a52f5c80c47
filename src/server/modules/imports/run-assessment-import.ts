import { packStates, toInt8 } from '../../../domain/measurement/index.ts';
import type { TPosition } from '../../../shared/schemas/assessments.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { TRowProblem } from '../../http/errors.ts';
import {
  catalogueFactors,
  countsFromMasks,
  positionsOf,
  type TCatalogueFactor,
} from '../assessments/catalogue-factors.ts';
import type { AuditWriter, TAuditEvent } from '../audit/audit-writer.ts';
import { replaceContributions } from '../measurement/replace-contribution.ts';
import { invalidRowsReport, type TStoredReport } from './import-report.ts';
import type { TStagedImport, TStagedRow } from './stage-rows.ts';

export type TImportJobDeps = { db: Db; audit: Pick<AuditWriter, 'inTransactionBatch'> };

/** Rows per validation query, and between progress updates. */
const CHUNK = 200;
/** Rows per multi-row insert. */
const INSERT_CHUNK = 1000;

interface TJob {
  municipalityId: string;
  id: string;
  roundId: string;
  userId: string;
  fileName: string;
  ip: string | null;
  staged: TStagedImport;
}

interface TRoundFacts {
  id: string;
  period: string;
  opensOn: string;
  /** The last day an assessment may carry: the round's closing day, or today if that is earlier. */
  lastDay: string;
  open: boolean;
  catalogueId: string;
  factors: TCatalogueFactor[];
}

interface TReadyRow {
  line: number;
  childId: string;
  unitId: string;
  date: string;
  position: TPosition;
  states: string;
}

type TValidation = { ok: true; round: TRoundFacts; rows: TReadyRow[] } | { ok: false; report: TStoredReport };

const STATE_OF_CHAR = { p: 'present', a: 'absent', u: 'unknown' } as const;

async function setProgress(db: Db, job: TJob, processed: number, status?: 'validating' | 'importing') {
  await db.tenant(job.municipalityId, (q) =>
    q.query(
      `UPDATE assessment_imports SET processed_rows = $3, status = coalesce($4::assessment_import_status, status)
        WHERE municipality_id = $1 AND id = $2 AND status NOT IN ('done', 'failed')`,
      [job.municipalityId, job.id, processed, status ?? null],
    ),
  );
}

export async function finishFailed(db: Db, job: Pick<TJob, 'municipalityId' | 'id'>, report: TStoredReport) {
  await db.tenant(job.municipalityId, (q) =>
    q.query(
      `UPDATE assessment_imports SET status = 'failed', error_report = $3, staged = NULL, finished_at = now()
        WHERE municipality_id = $1 AND id = $2 AND status <> 'done'`,
      [job.municipalityId, job.id, JSON.stringify(report)],
    ),
  );
}

async function roundFacts(q: Queryable, job: TJob): Promise<TRoundFacts | undefined> {
  const { rows } = await q.query(
    `SELECT r.id, r.period, r.opens_on AS "opensOn", least(r.closes_on, current_date)::text AS "lastDay",
            r.opens_on <= current_date AND current_date <= r.closes_on AS open, r.catalogue_id AS "catalogueId"
       FROM assessment_rounds r WHERE r.municipality_id = $1 AND r.id = $2`,
    [job.municipalityId, job.roundId],
  );
  const round = rows[0];
  if (!round) return undefined;
  const factors = (await catalogueFactors(q, job.municipalityId, [round.catalogueId])).get(round.catalogueId);
  return { ...round, factors: factors ?? [] };
}

/** The units in which the user may assess now, with the role that allows it (read fresh, not from a session). */
async function assessorRoles(q: Queryable, job: TJob): Promise<Map<string, string>> {
  const { rows } = await q.query(
    `SELECT ra.unit_id, min(ra.role) AS role FROM role_assignments ra
       JOIN role_permissions rp ON rp.role = ra.role AND rp.permission = 'write:assessment:unit'
       JOIN users u ON u.municipality_id = ra.municipality_id AND u.id = ra.user_id AND u.active
      WHERE ra.municipality_id = $1 AND ra.user_id = $2 AND ra.unit_id IS NOT NULL
      GROUP BY ra.unit_id`,
    [job.municipalityId, job.userId],
  );
  return new Map(rows.map((r) => [r.unit_id as string, r.role as string]));
}

interface TChildFacts {
  id: string;
  birthDate: string;
  unitId: string | null;
  hasJoint: boolean;
}

/**
 * The children behind a chunk's CPR hashes, each with the unit through which the user may assess it in
 * the round (a current enrolment in one of their units taking part) and whether it has a joint assessment.
 */
async function childrenOf(
  q: Queryable,
  job: TJob,
  units: string[],
  hashes: string[],
): Promise<Map<string, TChildFacts>> {
  const { rows } = await q.query(
    `SELECT encode(c.cpr_hash, 'hex') AS hash, c.id, c.birth_date AS "birthDate",
            (SELECT e.unit_id FROM enrolments e
               JOIN round_units ru ON ru.municipality_id = e.municipality_id AND ru.round_id = $2 AND ru.unit_id = e.unit_id
              WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id AND e.unit_id = ANY($3::uuid[])
                AND ${currentEnrolment('e').text}
              ORDER BY e.from_date, e.unit_id LIMIT 1) AS "unitId",
            EXISTS (SELECT 1 FROM assessments a WHERE a.municipality_id = c.municipality_id AND a.round_id = $2
                       AND a.child_id = c.id AND a.mode = 'joint') AS "hasJoint"
       FROM children c
      WHERE c.municipality_id = $1 AND c.cpr_hash = ANY($4::bytea[])`,
    [job.municipalityId, job.roundId, units, hashes.map((h) => Buffer.from(h, 'hex'))],
  );
  return new Map(rows.map((r) => [r.hash as string, r as TChildFacts]));
}

/**
 * A row's problems that need the database. A CPR number without a child the user may assess in the round
 * gets one answer, whether no such child exists, it lives in another municipality or has no relation to
 * the user: the report must not tell them apart.
 */
function rowProblems(row: TStagedRow, child: TChildFacts | undefined, round: TRoundFacts): TRowProblem[] {
  const problems: TRowProblem[] = row.problems.map((p) => ({ ...p, row: row.line }));
  const assessable = child?.unitId ? child : undefined;
  if (row.cprHash !== null) {
    if (!assessable) problems.push({ row: row.line, field: 'cpr', key: 'field.importNoChild' });
    else if (assessable.hasJoint)
      problems.push({ row: row.line, field: 'cpr', key: 'field.importJointExists' });
  }
  if (row.date !== null) {
    if (row.date < round.opensOn || row.date > round.lastDay)
      problems.push({
        row: row.line,
        field: 'date',
        key: 'field.importDateOutsideRound',
        params: { from: round.opensOn, to: round.lastDay },
      });
    else if (assessable && row.date < assessable.birthDate)
      problems.push({ row: row.line, field: 'date', key: 'field.beforeBirth' });
  }
  // Keep the report in column order: cpr, date, position, then the factors.
  const order = (field: string) => ['cpr', 'date', 'position'].indexOf(field) >>> 0;
  return problems.sort((a, b) => order(a.field) - order(b.field));
}

/** Every rule of a single assessment, for every row, chunk by chunk; progress is written after each chunk. */
async function validate(deps: TImportJobDeps, job: TJob): Promise<TValidation> {
  const m = job.municipalityId;
  const facts = await deps.db.tenantRead(m, async (q) => {
    const round = await roundFacts(q, job);
    return round && { round, units: await assessorRoles(q, job) };
  });
  if (!facts?.round.open) return { ok: false, report: { code: 'ROUND_CLOSED', rows: [] } };
  const { round } = facts;
  const units = [...facts.units.keys()];
  const problems: TRowProblem[] = [];
  const ready: TReadyRow[] = [];
  let uncounted = 0;
  let badRows = 0;
  const rows = job.staged.rows;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const hashes = chunk.flatMap((r) => (r.cprHash ? [r.cprHash] : []));
    const children =
      hashes.length > 0 ? await deps.db.tenantRead(m, (q) => childrenOf(q, job, units, hashes)) : new Map();
    for (const row of chunk) {
      const child = row.cprHash ? children.get(row.cprHash) : undefined;
      const found = rowProblems(row, child, round);
      if (found.length > 0 || row.more > 0 || !child?.unitId) {
        problems.push(...found);
        uncounted += row.more;
        badRows++;
        continue;
      }
      ready.push({
        line: row.line,
        childId: child.id,
        unitId: child.unitId,
        date: row.date as string,
        position: row.position as TPosition,
        states: row.states,
      });
    }
    await setProgress(deps.db, job, Math.min(rows.length, start + CHUNK));
  }
  if (badRows > 0) return { ok: false, report: invalidRowsReport(problems, uncounted, badRows) };
  return { ok: true, round, rows: ready };
}

interface TPacked {
  present: string;
  known: string;
  counts: number[];
}

function packRow(row: TReadyRow, codes: string[], factors: TCatalogueFactor[]): TPacked {
  const packed = packStates(
    codes.map((code, i) => ({
      factorCode: code,
      state: STATE_OF_CHAR[row.states[i] as keyof typeof STATE_OF_CHAR],
    })),
    positionsOf(factors),
  );
  const c = countsFromMasks(packed, factors);
  return {
    present: toInt8(packed.presentMask).toString(),
    known: toInt8(packed.knownMask).toString(),
    counts: [c.protectivePresent, c.protectiveKnown, c.riskPresent, c.riskKnown],
  };
}

/** Joint assessments for the rows, many per statement; answers the new ids in row order. */
async function insertAssessments(
  q: Queryable,
  job: TJob,
  round: TRoundFacts,
  rows: TReadyRow[],
): Promise<string[]> {
  const codes = job.staged.factorCodes;
  const ids: string[] = [];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    const packed = chunk.map((r) => packRow(r, codes, round.factors));
    const { rows: inserted } = await q.query(
      `INSERT INTO assessments (municipality_id, round_id, child_id, unit_id, mode, author_id, catalogue_id, assessed_on,
                                position, present_mask, known_mask, protective_present, protective_known, risk_present, risk_known)
       SELECT $1, $2, x.child_id, x.unit_id, 'joint', $3, $4, x.assessed_on, x.position, x.present_mask, x.known_mask,
              x.pp, x.pk, x.rp, x.rk
         FROM unnest($5::uuid[], $6::uuid[], $7::date[], $8::wellbeing_position[], $9::int8[], $10::int8[],
                     $11::int2[], $12::int2[], $13::int2[], $14::int2[])
              AS x(child_id, unit_id, assessed_on, position, present_mask, known_mask, pp, pk, rp, rk)
       RETURNING id, child_id`,
      [
        job.municipalityId,
        round.id,
        job.userId,
        round.catalogueId,
        chunk.map((r) => r.childId),
        chunk.map((r) => r.unitId),
        chunk.map((r) => r.date),
        chunk.map((r) => r.position),
        packed.map((p) => p.present),
        packed.map((p) => p.known),
        ...[0, 1, 2, 3].map((i) => packed.map((p) => p.counts[i])),
      ],
    );
    const byChild = new Map(inserted.map((r) => [r.child_id as string, r.id as string]));
    for (const r of chunk) ids.push(byChild.get(r.childId) as string);
  }
  return ids;
}

/** The factor rows of the factor layout: every column of the file, not-known included, as a form would send them. */
async function insertFactorRows(
  q: Queryable,
  job: TJob,
  round: TRoundFacts,
  rows: TReadyRow[],
  ids: string[],
) {
  const codes = job.staged.factorCodes;
  if (codes.length === 0) return;
  const factorId = new Map(round.factors.map((f) => [f.code, f.id]));
  const perStatement = Math.max(1, Math.floor(20_000 / codes.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const assessmentIds: string[] = [];
    const factorIds: string[] = [];
    const states: string[] = [];
    for (let i = start; i < Math.min(rows.length, start + perStatement); i++) {
      for (const [c, code] of codes.entries()) {
        assessmentIds.push(ids[i] as string);
        factorIds.push(factorId.get(code) as string);
        states.push(STATE_OF_CHAR[(rows[i] as TReadyRow).states[c] as keyof typeof STATE_OF_CHAR]);
      }
    }
    await q.query(
      `INSERT INTO assessment_factors (municipality_id, assessment_id, factor_id, state)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::factor_state[])`,
      [job.municipalityId, assessmentIds, factorIds, states],
    );
  }
}

/**
 * Everything in one transaction: the assessments, their factor rows, each child's contribution to the
 * measurement rollup, the audit events and the import's final state. The audit events go last, so the
 * municipality's audit chain is held for one insert and the commit, not for the whole import.
 */
async function writeAll(deps: TImportJobDeps, job: TJob, round: TRoundFacts, rows: TReadyRow[]) {
  const m = job.municipalityId;
  const roles = await deps.db.tenantRead(m, (q) => assessorRoles(q, job));
  await deps.db.tenant(m, async (q) => {
    const ids = await insertAssessments(q, job, round, rows);
    await setProgress(deps.db, job, Math.floor(rows.length / 3));
    await insertFactorRows(q, job, round, rows, ids);
    await setProgress(deps.db, job, Math.floor((rows.length * 2) / 3));
    // Every child's contribution to the measurement rollup in two statements, not one pair per child.
    await replaceContributions(
      q,
      m,
      rows.map((r) => r.childId),
      round.period,
    );
    const at = new Date();
    const events: TAuditEvent[] = rows.map((row, i) => ({
      municipalityId: m,
      at,
      userId: job.userId,
      role: roles.get(row.unitId) ?? 'professional',
      action: 'create',
      entity: 'assessment',
      entityId: ids[i] as string,
      childId: row.childId,
      purpose: `enrolment:${row.unitId}`,
      ip: job.ip,
      detail: { mode: 'joint', roundId: round.id, importId: job.id, row: row.line },
    }));
    events.push({
      municipalityId: m,
      at,
      userId: job.userId,
      role: [...roles.values()][0] ?? 'professional',
      action: 'import',
      entity: 'assessment-import',
      entityId: job.id,
      childId: null,
      purpose: 'import',
      ip: job.ip,
      detail: { roundId: round.id, fileName: job.fileName, created: rows.length },
    });
    await deps.audit.inTransactionBatch(q, m, events);
    await q.query(
      `UPDATE assessment_imports SET status = 'done', processed_rows = total_rows, created_count = $3, staged = NULL,
              error_report = NULL, finished_at = now()
        WHERE municipality_id = $1 AND id = $2`,
      [m, job.id, rows.length],
    );
  });
}

/** Another writer made a joint assessment for one of the children after validation: validate again. */
function isJointConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'assessments_one_joint';
}

/** Takes the import for this run; undefined when it has already finished (a repeated job). */
async function claim(db: Db, importId: string): Promise<TJob | undefined> {
  const { rows: found } = await db.system((q) =>
    q.query('SELECT municipality_id FROM assessment_imports WHERE id = $1', [importId]),
  );
  const m = found[0]?.municipality_id as string | undefined;
  if (!m) return undefined;
  const { rows } = await db.tenant(m, (q) =>
    q.query(
      `UPDATE assessment_imports SET status = 'validating', processed_rows = 0
        WHERE municipality_id = $1 AND id = $2 AND status NOT IN ('done', 'failed')
        RETURNING municipality_id AS "municipalityId", id, round_id AS "roundId", user_id AS "userId",
                  file_name AS "fileName", ip, staged`,
      [m, importId],
    ),
  );
  return rows[0];
}

/**
 * The import job: validates every row (progress after each chunk), then writes all of it in one
 * transaction — or nothing, recording the row-by-row report. Safe to run again: a finished import is
 * left alone, and an interrupted one starts over (its writes were never committed). Unexpected errors
 * mark the import failed and are rethrown for the caller to log (pg-boss retries; the retry finds it
 * finished).
 */
export async function runAssessmentImport(deps: TImportJobDeps, importId: string): Promise<void> {
  const job = await claim(deps.db, importId);
  if (!job) return;
  try {
    for (let attempt = 1; ; attempt++) {
      const checked = await validate(deps, job);
      if (!checked.ok) return await finishFailed(deps.db, job, checked.report);
      await setProgress(deps.db, job, 0, 'importing');
      try {
        return await writeAll(deps, job, checked.round, checked.rows);
      } catch (error) {
        if (!isJointConflict(error) || attempt >= 3) throw error;
        await setProgress(deps.db, job, 0, 'validating');
      }
    }
  } catch (error) {
    await finishFailed(deps.db, job, { code: 'INTERNAL', rows: [] });
    throw error;
  }
}
