import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { evaluateEarlyWarning } from '../../modules/early-warning/evaluate-child.ts';
import { insertRows } from '../bulk-insert.ts';
import type { TSeededCatalogue } from '../catalogues/factor-catalogue.ts';
import { DEMO_SIGNS, demoActions } from '../catalogues/handleguide-catalogue.ts';
import { dayNumber, isoDate } from '../dates.ts';
import type { TEnrolmentRow } from '../enrolments.ts';
import type { TUnitRow } from '../org.ts';
import type { Rng } from '../rng.ts';

export interface TDemoConcernInput {
  municipalityId: string;
  rng: Rng;
  catalogue: TSeededCatalogue;
  enrolments: readonly TEnrolmentRow[];
  units: readonly TUnitRow[];
  professional: { id: string; unitIds: readonly string[] };
  unitLeaderId: string;
  today: string;
}

interface TConcernRow {
  municipality_id: string;
  id: string;
  child_id: string | null;
  created_by: string;
  unit_id: string;
  profession: string;
  signs: string;
  description: string;
  factor_codes: string;
  level: number;
  action_code: string | null;
  action_text: string;
  acute: boolean;
  created_at: string;
}

const DESCRIPTIONS = [
  'Har over de seneste uger virket mere stille og holder sig for sig selv i frikvartererne.',
  'Reagerer voldsomt i overgange og konflikter, og det er blevet hyppigere siden efterårsferien.',
  'Har svært ved at holde fokus og virker træt om morgenen. Kommer ofte uden madpakke.',
  'Er kommet for sent eller ikke mødt op flere mandage i træk. Forældrene er svære at få fat i.',
  'Skifter hurtigt mellem gråd og vrede og siger selv, at det er svært derhjemme for tiden.',
  'Bærer det samme tøj i flere dage og har ofte ondt i maven.',
];
const ANONYMOUS = [
  'En pige i indskolingen fortæller om mange skænderier derhjemme. Skal vi tale med forældrene først?',
  'En dreng i 5. klasse har haft stigende fravær og siger, han ikke har nogen venner. Hvem kan vi inddrage?',
  'Et barn i vuggestuen virker meget uroligt efter weekender. Vi er i tvivl om, hvor bekymrede vi skal være.',
];

/**
 * The demo's early-detection history: the sign catalogue and handleguide, the early-warning rules, concerns
 * over the past year (named and anonymous, from a teacher and a leader), named coordinators, and the alerts
 * the rules raise — computed by the real rule evaluation, not written by hand.
 */
export async function seedDemoConcerns(
  q: Queryable,
  input: TDemoConcernInput,
): Promise<{ concerns: number }> {
  const m = input.municipalityId;
  const { rng } = input;
  await insertRows(
    q,
    'concern_signs',
    {
      municipality_id: 'uuid',
      code: 'text',
      label_da: 'text',
      label_en: 'text',
      acute: 'boolean',
      sort_order: 'int',
    },
    DEMO_SIGNS.map((s, i) => ({
      municipality_id: m,
      code: s.code,
      label_da: s.da,
      label_en: s.en,
      acute: s.acute,
      sort_order: i,
    })),
  );
  await insertRows(
    q,
    'handleguide_actions',
    {
      municipality_id: 'uuid',
      sign_code: 'text',
      level: 'smallint',
      code: 'text',
      title_da: 'text',
      title_en: 'text',
      guidance_da: 'text',
      guidance_en: 'text',
      links: 'jsonb',
      sort_order: 'int',
    },
    DEMO_SIGNS.flatMap((s) =>
      demoActions(s).map((a, i) => ({
        municipality_id: m,
        sign_code: s.code,
        level: a.level,
        code: a.code,
        title_da: a.titleDa,
        title_en: a.titleEn,
        guidance_da: a.guidanceDa,
        guidance_en: a.guidanceEn,
        links: JSON.stringify(a.links),
        sort_order: i,
      })),
    ),
  );
  await q.query(
    `INSERT INTO early_warning_rules (municipality_id, code, enabled, params) VALUES
       ($1, 'concernsFromProfessions', true, '{"minConcerns":3,"minProfessions":2,"days":60}'),
       ($1, 'moveToRed', true, '{"includeFirst":false}'),
       ($1, 'persistentRisk', true, '{"consecutive":2}'),
       ($1, 'absenceWithNewRisk', true, '{"days":60,"absenceSign":"beginningAbsence"}')`,
    [m],
  );

  const unitKind = new Map(input.units.map((u) => [u.id, u.kind]));
  const schoolId = input.professional.unitIds.find((id) => unitKind.get(id) === 'school');
  const daycareId = input.professional.unitIds.find((id) => unitKind.get(id) === 'daycare');
  if (!schoolId || !daycareId) return { concerns: 0 };
  const current = (unitId: string) =>
    rng.shuffle(
      input.enrolments.filter((e) => e.unit_id === unitId && e.to_date === null).map((e) => e.child_id),
    );
  const school = current(schoolId);
  const daycare = current(daycareId);
  const risk = input.catalogue.factors.filter((f) => f.kind === 'risk').map((f) => f.code);
  const today = dayNumber(input.today);
  const at = (daysAgo: number) => `${isoDate(today - daysAgo)}T09:30:00+01:00`;
  const rows: TConcernRow[] = [];
  const add = (
    childId: string | null,
    daysAgo: number,
    by: 'teacher' | 'pedagogue' | 'leader',
    signs: string[],
    level: 1 | 2 | 3 | 4,
    actionCode: string,
    description: string,
    factorCodes: string[] = [],
  ) => {
    const sign = DEMO_SIGNS.find((s) => s.code === signs[0]);
    const action = sign ? demoActions(sign).find((a) => a.code === actionCode) : undefined;
    rows.push({
      municipality_id: m,
      id: randomUUID(),
      child_id: childId,
      created_by: by === 'leader' ? input.unitLeaderId : input.professional.id,
      unit_id: by === 'pedagogue' ? daycareId : schoolId,
      profession: by,
      signs: `{${signs.join(',')}}`,
      description,
      factor_codes: `{${factorCodes.join(',')}}`,
      level,
      action_code: actionCode,
      action_text: action?.titleDa ?? actionCode,
      acute: signs.some((c) => DEMO_SIGNS.find((s) => s.code === c)?.acute),
      created_at: at(daysAgo),
    });
  };
  const [a, b, c, e, ...restSchool] = school;
  const [d, ...restDaycare] = daycare;
  const text = () => rng.pick(DESCRIPTIONS);
  // Three concerns from a teacher and a leader within 60 days: the first rule fires for the leader and coordinator.
  if (a) {
    add(a, 45, 'teacher', ['withdrawn'], 1, 'observeInUnit', DESCRIPTIONS[0] as string);
    add(
      a,
      20,
      'leader',
      ['emotionallyUnbalanced', 'withdrawn'],
      2,
      'talkWithParents',
      DESCRIPTIONS[4] as string,
    );
    add(a, 5, 'teacher', ['withdrawn', 'suddenChange'], 3, 'interdisciplinaryMeeting', text());
  }
  // Beginning absence together with a risk factor not seen in the latest joint assessment.
  if (b)
    add(
      b,
      10,
      'teacher',
      ['beginningAbsence'],
      2,
      'talkWithParents',
      DESCRIPTIONS[3] as string,
      risk.slice(0, 1),
    );
  if (c) {
    add(c, 200, 'teacher', ['unconcentrated'], 1, 'adjustPedagogy', DESCRIPTIONS[2] as string);
    add(
      c,
      30,
      'teacher',
      ['unconcentrated', 'neglectedAppearance'],
      2,
      'talkWithParents',
      DESCRIPTIONS[5] as string,
    );
  }
  if (e)
    add(
      e,
      90,
      'leader',
      ['signsOfViolence'],
      4,
      'notifyAuthority',
      'Barnet har mærker på armene og fortæller om slag derhjemme.',
    );
  if (d) {
    add(d, 40, 'pedagogue', ['actingOut'], 1, 'observeInUnit', DESCRIPTIONS[1] as string);
    add(d, 12, 'pedagogue', ['actingOut', 'emotionallyUnbalanced'], 3, 'anonymousConsultation', text());
  }
  for (const [i, child] of restSchool.slice(0, 5).entries()) {
    add(
      child,
      60 + i * 50,
      'teacher',
      [rng.pick(['withdrawn', 'unconcentrated', 'actingOut'])],
      1,
      'observeInUnit',
      text(),
    );
  }
  for (const [i, child] of restDaycare.slice(0, 3).entries()) {
    add(
      child,
      80 + i * 60,
      'pedagogue',
      [rng.pick(['withdrawn', 'suddenChange'])],
      2,
      'talkWithParents',
      text(),
    );
  }
  add(null, 25, 'teacher', ['emotionallyUnbalanced'], 3, 'anonymousConsultation', ANONYMOUS[0] as string);
  add(
    null,
    8,
    'leader',
    ['beginningAbsence', 'withdrawn'],
    3,
    'anonymousConsultation',
    ANONYMOUS[1] as string,
  );
  add(null, 3, 'pedagogue', ['suddenChange'], 3, 'anonymousConsultation', ANONYMOUS[2] as string);
  // Array columns cannot pass through unnest (it flattens them): they go in as array literals and are cast here.
  const col = <K extends keyof TConcernRow>(k: K) => rows.map((r) => r[k]);
  await q.query(
    `INSERT INTO concerns (municipality_id, id, child_id, created_by, unit_id, profession, signs, description,
                           factor_codes, level, action_code, action_text, acute, created_at)
     SELECT $1, t.id, t.child_id, t.created_by, t.unit_id, t.profession, t.signs::text[], t.description,
            t.factor_codes::text[], t.level, t.action_code, t.action_text, t.acute, t.created_at
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::smallint[], $11::text[], $12::text[], $13::boolean[], $14::timestamptz[])
         AS t(id, child_id, created_by, unit_id, profession, signs, description, factor_codes, level, action_code,
              action_text, acute, created_at)`,
    [
      m,
      col('id'),
      col('child_id'),
      col('created_by'),
      col('unit_id'),
      col('profession'),
      col('signs'),
      col('description'),
      col('factor_codes'),
      col('level'),
      col('action_code'),
      col('action_text'),
      col('acute'),
      col('created_at'),
    ],
  );

  const coordinated = [a, b, c].filter((x): x is string => Boolean(x));
  for (const [i, child] of coordinated.entries()) {
    await q.query(
      `INSERT INTO child_coordinators (municipality_id, child_id, user_id, set_by, set_at, parents_informed_on, parents_informed_note)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        m,
        child,
        input.professional.id,
        input.unitLeaderId,
        at(60 - i * 10),
        i < 2 ? isoDate(today - 55 + i * 10) : null,
        i < 2 ? 'Fortalt ved forældresamtale og skrevet i kontaktbogen.' : null,
      ],
    );
  }
  const named = [...new Set(rows.flatMap((r) => (r.child_id ? [r.child_id] : [])))];
  for (const child of named) await evaluateEarlyWarning(q, m, child);
  // History: alerts about the older cases have been read.
  if (c)
    await q.query('UPDATE alerts SET read_at = now() WHERE municipality_id = $1 AND child_id = $2', [m, c]);
  return { concerns: rows.length };
}
