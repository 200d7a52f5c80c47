import { randomUUID } from 'node:crypto';
import { ageOn } from '../../../domain/measurement/age-band.ts';
import { popcount } from '../../../domain/measurement/packed-states.ts';
import type { Queryable } from '../../db/client.ts';
import { countPopulation } from '../../modules/measurement/refresh-population.ts';
import {
  applicableMask,
  childLatent,
  drawChronic,
  drawTransient,
  drawUnknown,
  kindMask,
  normal,
  positionFor,
  roundLevel,
  type TPosition,
} from '../assessment-model.ts';
import { insertRows } from '../bulk-insert.ts';
import { withoutReferenceChecks } from '../bulk-load.ts';
import type { TSeededCatalogue } from '../catalogues/factor-catalogue.ts';
import { addDays, dayNumber, todayIso } from '../dates.ts';
import type { TEnrolmentRow } from '../enrolments.ts';
import { fillMeasurement } from '../measurement-fill.ts';
import type { TUnitRow } from '../org.ts';
import type { TChildRow } from '../population.ts';
import type { Rng } from '../rng.ts';
import { roundCalendar, type TRoundSpec } from '../round-calendar.ts';

/** Share of the children in a daycare or school that got a joint assessment in a past round. */
const COVERAGE = 0.85;
/** Own assessments left in the open round, so the unit overview shows progress has begun. */
const OPEN_ROUND_OWN = 5;

const RISK_REASONS = [
  'Drøftet med forældrene.',
  'Set gentagne gange i perioden.',
  'Oplyst af forældrene ved samtalen.',
  'Bekymring fra flere voksne omkring barnet.',
];
const PROTECTIVE_REASONS = ['Tydeligt i hverdagen.', 'Forældrene fortæller det samme.'];

export interface TDemoAssessmentInput {
  municipalityId: string;
  rng: Rng;
  catalogue: TSeededCatalogue;
  children: readonly TChildRow[];
  enrolments: readonly TEnrolmentRow[];
  units: readonly TUnitRow[];
  /** Author of the joint assessments and the one who locked them when the round closed. */
  unitLeaderId: string;
  /** Author of the few own assessments in the open round, at one of these units. */
  professional: { id: string; unitIds: readonly string[] };
  adminId: string;
  today?: string;
}

export interface TDemoAssessments {
  rounds: number;
  joint: number;
  own: number;
}

interface TAssessmentRow {
  municipality_id: string;
  id: string;
  round_id: string;
  child_id: string;
  unit_id: string;
  mode: 'joint' | 'own';
  author_id: string;
  catalogue_id: string;
  assessed_on: string;
  position: TPosition;
  present_mask: string;
  known_mask: string;
  protective_present: number;
  protective_known: number;
  risk_present: number;
  risk_known: number;
  locked_at: string | null;
  locked_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The daycare or school the child was enrolled in on `day`, if any. */
function unitOn(
  enrolments: readonly TEnrolmentRow[] | undefined,
  assessing: ReadonlySet<string>,
  day: string,
): string | null {
  for (const e of enrolments ?? []) {
    if (assessing.has(e.unit_id) && e.from_date <= day && (e.to_date === null || e.to_date >= day))
      return e.unit_id;
  }
  return null;
}

/**
 * Two closed rounds with joint assessments for about 85 % of the children in daycare and school, and
 * one open round with a handful of own assessments, plus the measurement rollup and population for
 * each period. Generated in JS from the seeded RNG, inserted in bulk; the factor rows are unpacked
 * from the masks in SQL.
 */
export async function seedDemoAssessments(
  q: Queryable,
  input: TDemoAssessmentInput,
): Promise<TDemoAssessments> {
  const { municipalityId: m, rng, catalogue } = input;
  const today = input.today ?? todayIso();
  const factors = catalogue.factors;
  const riskMask = kindMask(factors, 'risk');
  const protectiveMask = kindMask(factors, 'protective');
  const assessing = new Set(
    input.units.filter((u) => u.kind === 'daycare' || u.kind === 'school').map((u) => u.id),
  );
  const byChild = new Map<string, TEnrolmentRow[]>();
  for (const e of input.enrolments) byChild.set(e.child_id, [...(byChild.get(e.child_id) ?? []), e]);

  const calendar = roundCalendar(today, 3);
  const rounds = calendar.map((spec) => ({ ...spec, id: randomUUID() }));
  await insertRows(
    q,
    'assessment_rounds',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      name: 'text',
      period: 'text',
      opens_on: 'date',
      closes_on: 'date',
      catalogue_id: 'uuid',
      created_by: 'uuid',
      created_at: 'timestamptz',
    },
    rounds.map((r) => ({
      municipality_id: m,
      id: r.id,
      name: r.name,
      period: r.period,
      opens_on: r.opensOn,
      closes_on: r.closesOn,
      catalogue_id: catalogue.catalogueId,
      created_by: input.adminId,
      created_at: `${addDays(r.opensOn, -14)}T09:00:00Z`,
    })),
  );
  await insertRows(
    q,
    'round_units',
    { municipality_id: 'uuid', round_id: 'uuid', unit_id: 'uuid' },
    rounds.flatMap((r) =>
      [...assessing].map((unitId) => ({ municipality_id: m, round_id: r.id, unit_id: unitId })),
    ),
  );

  const rows: TAssessmentRow[] = [];
  const applicable: string[] = [];
  const row = (
    round: TRoundSpec & { id: string },
    child: TChildRow,
    unitId: string,
    day: string,
    mode: 'joint' | 'own',
    authorId: string,
    position: TPosition,
    present: bigint,
    known: bigint,
    assessed: bigint,
  ) => {
    rows.push({
      municipality_id: m,
      id: randomUUID(),
      round_id: round.id,
      child_id: child.id,
      unit_id: unitId,
      mode,
      author_id: authorId,
      catalogue_id: catalogue.catalogueId,
      assessed_on: day,
      position,
      present_mask: present.toString(),
      known_mask: known.toString(),
      protective_present: popcount(present & protectiveMask),
      protective_known: popcount(known & protectiveMask),
      risk_present: popcount(present & riskMask),
      risk_known: popcount(known & riskMask),
      locked_at: round.open ? null : `${round.closesOn}T15:00:00Z`,
      locked_by: round.open ? null : input.unitLeaderId,
      created_at: `${day}T10:00:00Z`,
      updated_at: `${day}T10:00:00Z`,
    });
    applicable.push(assessed.toString());
  };

  const families = new Map<string, number>();
  const pastRounds = rounds.filter((r) => !r.open);
  for (const child of input.children) {
    let familyLevel = families.get(child.family_id);
    if (familyLevel === undefined) {
      familyLevel = normal(rng);
      families.set(child.family_id, familyLevel);
    }
    const latent = childLatent(rng, familyLevel);
    const chronic = drawChronic(rng, factors, latent.level, latent.clusters);
    for (const round of pastRounds) {
      const span = dayNumber(round.closesOn) - dayNumber(round.opensOn);
      const day = addDays(round.opensOn, rng.int(0, span));
      const level = roundLevel(rng, latent.level);
      const transient = drawTransient(rng, factors, level, latent.clusters);
      const unknown = drawUnknown(rng, factors);
      const covered = rng.chance(COVERAGE);
      const unitId = unitOn(byChild.get(child.id), assessing, day);
      if (!covered || unitId === null || child.birth_date > day) continue;
      const assessed = applicableMask(factors, ageOn(child.birth_date, day));
      const known = assessed & ~unknown;
      const present = (chronic | transient) & known;
      row(
        round,
        child,
        unitId,
        day,
        'joint',
        input.unitLeaderId,
        positionFor(level),
        present,
        known,
        assessed,
      );
    }
  }
  const joint = rows.length;

  // A few own assessments by the demo professional in the open round, for children at the end of the
  // alphabet so that tests working from the top of a class list find their children untouched.
  const open = rounds.find((r) => r.open);
  if (open) {
    const day = today < open.opensOn ? open.opensOn : addDays(today, -rng.int(1, 20));
    const professionalUnits = new Set(input.professional.unitIds);
    const candidates = input.children
      .filter((c) => {
        const unitId = unitOn(byChild.get(c.id), assessing, day);
        return unitId !== null && professionalUnits.has(unitId);
      })
      .sort((a, b) => `${b.last_name} ${b.first_name}`.localeCompare(`${a.last_name} ${a.first_name}`, 'da'))
      .slice(0, OPEN_ROUND_OWN);
    for (const child of candidates) {
      const unitId = unitOn(byChild.get(child.id), assessing, day) as string;
      const level = normal(rng);
      const assessed = applicableMask(factors, ageOn(child.birth_date, day));
      const known = assessed & ~drawUnknown(rng, factors);
      const present = drawTransient(rng, factors, level, [0, 0, 0, 0]) & known;
      row(
        open,
        child,
        unitId,
        day,
        'own',
        input.professional.id,
        positionFor(level),
        present,
        known,
        assessed,
      );
    }
  }

  await withoutReferenceChecks(q, ['assessments', 'assessment_factors'], () =>
    insertAssessments(q, rows, applicable),
  );
  await addReasons(q, input, rows);

  // The roster first: the numerator is placed through it (docs/measurement.md).
  for (const r of rounds) await countPopulation(q, m, r.period);
  const past = pastRounds.map((r) => r.id);
  await fillMeasurement(q, m, past);
  return { rounds: rounds.length, joint, own: rows.length - joint };
}

async function insertAssessments(
  q: Queryable,
  rows: readonly TAssessmentRow[],
  applicable: readonly string[],
) {
  await insertRows(
    q,
    'assessments',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      round_id: 'uuid',
      child_id: 'uuid',
      unit_id: 'uuid',
      mode: 'assessment_mode',
      author_id: 'uuid',
      catalogue_id: 'uuid',
      assessed_on: 'date',
      position: 'wellbeing_position',
      present_mask: 'bigint',
      known_mask: 'bigint',
      protective_present: 'smallint',
      protective_known: 'smallint',
      risk_present: 'smallint',
      risk_known: 'smallint',
      locked_at: 'timestamptz',
      locked_by: 'uuid',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    rows,
    5000,
  );
  // One row per assessed factor (the ones whose age band fits), its state read back from the masks.
  await q.query(
    `INSERT INTO assessment_factors (municipality_id, assessment_id, factor_id, state)
     SELECT a.municipality_id, a.id, f.id,
            CASE WHEN a.known_mask & (1::bigint << f.bit) = 0 THEN 'unknown'
                 WHEN a.present_mask & (1::bigint << f.bit) <> 0 THEN 'present'
                 ELSE 'absent' END::factor_state
       FROM unnest($2::uuid[], $3::bigint[]) s(id, assessed)
       JOIN assessments a ON a.municipality_id = $1 AND a.id = s.id
       JOIN factors f ON f.municipality_id = a.municipality_id AND f.catalogue_id = a.catalogue_id
      WHERE s.assessed & (1::bigint << f.bit) <> 0`,
    [rows[0]?.municipality_id, rows.map((r) => r.id), applicable],
  );
}

/** A short written reason on some present factors, as professionals would add. */
async function addReasons(q: Queryable, input: TDemoAssessmentInput, rows: readonly TAssessmentRow[]) {
  const { rng, catalogue } = input;
  const ids: string[] = [];
  const factorIds: string[] = [];
  const reasons: string[] = [];
  for (const r of rows) {
    const present = BigInt(r.present_mask);
    for (const f of catalogue.factors) {
      if (!(present & (1n << BigInt(f.bit)))) continue;
      const reasonShare = f.kind === 'risk' ? 0.4 : 0.03;
      if (!rng.chance(reasonShare)) continue;
      ids.push(r.id);
      factorIds.push(f.id);
      reasons.push(rng.pick(f.kind === 'risk' ? RISK_REASONS : PROTECTIVE_REASONS));
    }
  }
  await q.query(
    `UPDATE assessment_factors af SET reason = s.reason
       FROM unnest($2::uuid[], $3::uuid[], $4::text[]) s(assessment_id, factor_id, reason)
      WHERE af.municipality_id = $1 AND af.assessment_id = s.assessment_id AND af.factor_id = s.factor_id`,
    [input.municipalityId, ids, factorIds, reasons],
  );
}
