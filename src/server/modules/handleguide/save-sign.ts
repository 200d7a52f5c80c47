import type { TSaveSignRequest } from '../../../shared/schemas/concerns.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { loadGuide, type TGuideSignRow } from './load-guide.ts';

/**
 * Creates a sign (no version) or replaces a sign and all its handleguide actions (the version read). An
 * acute sign may only carry level-4 actions (checked by the schema). Concerns keep the sign codes they were
 * recorded with; a sign is retired with `active: false`, never deleted.
 */
export const saveSign = defineUseCase(
  'manage:handleguide:municipality',
  async (ctx, code: string, input: TSaveSignRequest): Promise<TGuideSignRow> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const { rows: current } = await q.query(
        'SELECT version FROM concern_signs WHERE municipality_id = $1 AND code = $2 FOR UPDATE',
        [m, code],
      );
      if (input.version === undefined) {
        if (current[0]) throw new AppError('SIGN_EXISTS');
        await q.query(
          `INSERT INTO concern_signs (municipality_id, code, label_da, label_en, acute, active, sort_order, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [
            m,
            code,
            input.labelDa,
            input.labelEn,
            input.acute,
            input.active,
            input.sortOrder,
            ctx.user.userId,
          ],
        );
      } else {
        if (!current[0]) throw new AppError('NOT_FOUND');
        if (current[0].version !== input.version) throw new AppError('STALE_VERSION');
        await q.query(
          `UPDATE concern_signs SET label_da = $3, label_en = $4, acute = $5, active = $6, sort_order = $7,
                version = version + 1, updated_at = now(), updated_by = $8
          WHERE municipality_id = $1 AND code = $2`,
          [
            m,
            code,
            input.labelDa,
            input.labelEn,
            input.acute,
            input.active,
            input.sortOrder,
            ctx.user.userId,
          ],
        );
        await q.query('DELETE FROM handleguide_actions WHERE municipality_id = $1 AND sign_code = $2', [
          m,
          code,
        ]);
      }
      if (input.actions.length > 0) {
        await q.query(
          `INSERT INTO handleguide_actions (municipality_id, sign_code, level, code, title_da, title_en, guidance_da,
                                          guidance_en, links, sort_order)
         SELECT $1, $2, * FROM unnest($3::smallint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                                      $9::jsonb[], $10::int[])`,
          [
            m,
            code,
            input.actions.map((a) => a.level),
            input.actions.map((a) => a.code),
            input.actions.map((a) => a.titleDa),
            input.actions.map((a) => a.titleEn),
            input.actions.map((a) => a.guidanceDa),
            input.actions.map((a) => a.guidanceEn),
            input.actions.map((a) => JSON.stringify(a.links)),
            input.actions.map((_, i) => i),
          ],
        );
      }
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: input.version === undefined ? 'create' : 'update',
          entity: 'handleguideSign',
          entityId: null,
          childId: null,
          purpose: 'administration',
          detail: { code, acute: input.acute, actions: input.actions.length },
        }),
      );
      const guide = await loadGuide(q, m, { activeOnly: false });
      return guide.find((s) => s.code === code) as TGuideSignRow;
    });
  },
);
