import type { TSetupStep } from '../../../shared/schemas/today.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';

/**
 * An admin's setup checklist: what a municipality must have before its staff start — units, staff users,
 * a published factor catalogue, the handleguide, the early-warning rules, its own information-notice texts
 * and its deadlines — each done or not, with the page where it is done.
 */
export const todaySetup = defineUseCase('manage:org:municipality', async (ctx): Promise<TSetupStep[]> => {
  const m = ctx.user.municipalityId;
  const { rows } = await ctx.db.tenantRead(m, (q) =>
    q.query(
      sql`SELECT EXISTS (SELECT 1 FROM units WHERE municipality_id = ${m}) AS units,
                 (SELECT count(*) FROM users WHERE municipality_id = ${m}) > 1 AS users,
                 EXISTS (SELECT 1 FROM factor_catalogues WHERE municipality_id = ${m} AND status = 'published') AS catalogue,
                 EXISTS (SELECT 1 FROM handleguide_actions WHERE municipality_id = ${m}) AS handleguide,
                 EXISTS (SELECT 1 FROM early_warning_rules WHERE municipality_id = ${m}) AS "warningRules",
                 EXISTS (SELECT 1 FROM notice_texts WHERE municipality_id = ${m}) AS "noticeTexts",
                 EXISTS (SELECT 1 FROM deadline_settings WHERE municipality_id = ${m}) AS deadlines`,
    ),
  );
  const done = rows[0] as Record<TSetupStep['key'], boolean>;
  const steps: [TSetupStep['key'], string][] = [
    ['units', '/admin/enheder'],
    ['users', '/admin/brugere'],
    ['catalogue', '/admin/faktorer'],
    ['handleguide', '/admin/handleguide'],
    ['warningRules', '/admin/advarselsregler'],
    ['noticeTexts', '/admin/oplysningstekster'],
    ['deadlines', '/admin/frister'],
  ];
  return steps.map(([key, to]) => ({ key, done: done[key], to }));
});
