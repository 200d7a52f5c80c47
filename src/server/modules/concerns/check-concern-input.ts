import { checkChoice, type TLevel } from '../../../domain/handleguide/suggest.ts';
import { findCprNumbers } from '../../../domain/sharing/anonymous-text.ts';
import type { TCreateConcernRequest } from '../../../shared/schemas/concerns.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError, type TFieldProblem } from '../../http/errors.ts';
import { loadGuide } from '../handleguide/load-guide.ts';

export interface TCheckedConcern {
  acute: boolean;
  actionText: string;
  catalogueId: string | null;
}

/**
 * Every rule on a concern's content, before anything is written: known active signs, the level and action
 * fit the handleguide (acute signs only at level 4), factor codes from the published catalogue, and no CPR
 * number in an anonymous concern. All problems come back at once, each on its field.
 */
export async function checkConcernInput(
  q: Queryable,
  municipalityId: string,
  input: TCreateConcernRequest,
  locale: 'da' | 'en',
): Promise<TCheckedConcern> {
  const fields: Record<string, TFieldProblem> = {};
  const guide = await loadGuide(q, municipalityId, { activeOnly: true });
  const known = new Set(guide.map((s) => s.code));
  input.signs.forEach((code, i) => {
    if (!known.has(code)) fields[`signs.${i}`] = { key: 'field.unknownSign', params: { code } };
  });
  const actions = guide.flatMap((s) => s.actions);
  const actionCode = input.actionCode ?? null;
  const problem = checkChoice(guide, actions, input.signs, input.level as TLevel, actionCode);
  if (problem === 'acuteNeedsNotification') fields.level = { key: 'field.acuteNeedsNotification' };
  else if (problem) fields.actionCode = { key: `field.${problem}` };
  const chosen = actionCode
    ? actions.find((a) => a.code === actionCode && a.level === input.level)
    : undefined;
  const actionText = input.actionText || (chosen ? (locale === 'en' ? chosen.titleEn : chosen.titleDa) : '');
  if (!actionText && !fields.actionCode) fields.actionText = { key: 'field.actionRequired' };
  if (!input.childId) {
    const cpr = findCprNumbers(input.description)[0];
    if (cpr)
      fields.description = { key: 'field.cprInAnonymousConcern', params: { cpr: `${cpr.slice(0, 6)}-xxxx` } };
  }
  let catalogueId: string | null = null;
  if (input.factorCodes.length > 0) {
    const { rows } = await q.query(
      `SELECT fc.id, ARRAY(SELECT f.code FROM factors f WHERE f.municipality_id = fc.municipality_id AND f.catalogue_id = fc.id) AS codes
         FROM factor_catalogues fc WHERE fc.municipality_id = $1 AND fc.status = 'published'
        ORDER BY fc.version DESC LIMIT 1`,
      [municipalityId],
    );
    if (!rows[0]) throw new AppError('NO_PUBLISHED_CATALOGUE');
    catalogueId = rows[0].id;
    const codes = new Set<string>(rows[0].codes);
    const seen = new Set<string>();
    input.factorCodes.forEach((code, i) => {
      if (seen.has(code)) fields[`factorCodes.${i}`] = { key: 'field.duplicateFactor', params: { code } };
      else if (!codes.has(code))
        fields[`factorCodes.${i}`] = { key: 'field.unknownFactor', params: { code } };
      seen.add(code);
    });
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  const acute = guide.some((s) => s.acute && input.signs.includes(s.code));
  return { acute, actionText, catalogueId };
}
