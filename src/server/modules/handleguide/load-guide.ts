import type { TGuideAction, TGuideLink, TGuideSign } from '../../../shared/schemas/handleguide-views.ts';
import type { Queryable } from '../../db/client.ts';

export type { TGuideLink };
export type TGuideActionRow = TGuideAction;
export type TGuideSignRow = TGuideSign;

/** The municipality's sign catalogue with each sign's handleguide actions (level, then sort order). */
export async function loadGuide(
  q: Queryable,
  municipalityId: string,
  options: { activeOnly: boolean },
): Promise<TGuideSignRow[]> {
  const { rows } = await q.query(
    `SELECT s.code, s.label_da AS "labelDa", s.label_en AS "labelEn", s.acute, s.active, s.sort_order AS "sortOrder",
            s.version,
            (SELECT coalesce(json_agg(json_build_object('signCode', a.sign_code, 'level', a.level, 'code', a.code,
                      'titleDa', a.title_da, 'titleEn', a.title_en, 'guidanceDa', a.guidance_da, 'guidanceEn', a.guidance_en,
                      'links', a.links, 'sortOrder', a.sort_order) ORDER BY a.level, a.sort_order, a.code), '[]')
               FROM handleguide_actions a WHERE a.municipality_id = s.municipality_id AND a.sign_code = s.code) AS actions
       FROM concern_signs s
      WHERE s.municipality_id = $1 AND ($2::boolean = false OR s.active)
      ORDER BY s.sort_order, s.code`,
    [municipalityId, options.activeOnly],
  );
  return rows as TGuideSignRow[];
}
