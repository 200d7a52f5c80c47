import { packStates, type TPackedStates, toInt8 } from '../../../domain/measurement/index.ts';
import type { TFactorStateInput } from '../../../shared/schemas/assessments.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError, type TFieldProblem } from '../../http/errors.ts';
import {
  catalogueFactors,
  countsFromMasks,
  positionsOf,
  type TCatalogueFactor,
  type TStateCounts,
} from './catalogue-factors.ts';

export interface TResolvedFactors {
  rows: { factor: TCatalogueFactor; state: TFactorStateInput['state']; reason: string | null }[];
  packed: TPackedStates;
  counts: TStateCounts;
}

/**
 * Checks a factor list against one catalogue version and packs it. Every problem is named by its field
 * (`factors.N.code`) in one answer: a code listed twice, a code the version does not have — told apart
 * from a code that exists only in another version of the municipality's catalogue, the likely mistake
 * when a form was opened before a new version was published.
 */
export async function resolveFactors(
  q: Queryable,
  municipalityId: string,
  catalogue: { id: string; version: number },
  input: readonly TFactorStateInput[],
): Promise<TResolvedFactors> {
  const factors = (await catalogueFactors(q, municipalityId, [catalogue.id])).get(catalogue.id) ?? [];
  const byCode = new Map(factors.map((f) => [f.code, f]));
  const fields: Record<string, TFieldProblem> = {};
  const seen = new Set<string>();
  const unknown: { index: number; code: string }[] = [];
  for (const [index, item] of input.entries()) {
    if (seen.has(item.code)) {
      fields[`factors.${index}.code`] = { key: 'field.duplicateFactor', params: { code: item.code } };
      continue;
    }
    seen.add(item.code);
    if (!byCode.has(item.code)) unknown.push({ index, code: item.code });
  }
  if (unknown.length > 0) {
    const { rows } = await q.query(
      `SELECT DISTINCT f.code FROM factors f WHERE f.municipality_id = $1 AND f.catalogue_id <> $2 AND f.code = ANY($3)`,
      [municipalityId, catalogue.id, unknown.map((u) => u.code)],
    );
    const elsewhere = new Set(rows.map((r) => r.code as string));
    for (const { index, code } of unknown) {
      fields[`factors.${index}.code`] = elsewhere.has(code)
        ? { key: 'field.factorOtherVersion', params: { code, version: catalogue.version } }
        : { key: 'field.unknownFactor', params: { code } };
    }
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  const rows = input.map((item) => ({
    factor: byCode.get(item.code) as TCatalogueFactor,
    state: item.state,
    reason: item.reason ? item.reason : null,
  }));
  const packed = packStates(
    input.map((item) => ({ factorCode: item.code, state: item.state })),
    positionsOf(factors),
  );
  return { rows, packed, counts: countsFromMasks(packed, factors) };
}

/** The masks and counts as the assessments table stores them (int8 masks are signed). */
export function packedColumns(resolved: TResolvedFactors): unknown[] {
  return [
    toInt8(resolved.packed.presentMask).toString(),
    toInt8(resolved.packed.knownMask).toString(),
    resolved.counts.protectivePresent,
    resolved.counts.protectiveKnown,
    resolved.counts.riskPresent,
    resolved.counts.riskKnown,
  ];
}

/** Replaces the assessment's factor rows with the listed factors (state and reason). */
export async function writeFactorRows(
  q: Queryable,
  municipalityId: string,
  assessmentId: string,
  resolved: TResolvedFactors,
): Promise<void> {
  await q.query('DELETE FROM assessment_factors WHERE municipality_id = $1 AND assessment_id = $2', [
    municipalityId,
    assessmentId,
  ]);
  if (resolved.rows.length === 0) return;
  await q.query(
    `INSERT INTO assessment_factors (municipality_id, assessment_id, factor_id, state, reason)
     SELECT $1, $2, * FROM unnest($3::uuid[], $4::factor_state[], $5::text[])`,
    [
      municipalityId,
      assessmentId,
      resolved.rows.map((r) => r.factor.id),
      resolved.rows.map((r) => r.state),
      resolved.rows.map((r) => r.reason),
    ],
  );
}
