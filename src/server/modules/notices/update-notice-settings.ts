import type { TNoticeSettings, TNoticeSettingsRequest } from '../../../shared/schemas/notices.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { noticeSettings } from './notice-texts.ts';

/** Sets the age from which a child gets a notice of its own; a stale version is a 409. */
export const updateNoticeSettings = defineUseCase(
  'manage:notice-text:municipality',
  async (ctx, input: TNoticeSettingsRequest): Promise<TNoticeSettings> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const found = await q.query(
        sql`SELECT version FROM notice_settings WHERE municipality_id = ${m} FOR UPDATE`,
      );
      const current: number = found.rows[0]?.version ?? 0;
      if (current !== input.version) throw new AppError('STALE_VERSION');
      const written =
        current === 0
          ? await q.query(
              sql`INSERT INTO notice_settings (municipality_id, child_notice_age, updated_by)
                  VALUES (${m}, ${input.childNoticeAge}, ${ctx.user.userId}) ON CONFLICT DO NOTHING`,
            )
          : await q.query(
              sql`UPDATE notice_settings SET child_notice_age = ${input.childNoticeAge}, updated_by = ${ctx.user.userId},
                         updated_at = now(), version = version + 1
                   WHERE municipality_id = ${m}`,
            );
      // Two first saves at once: the second inserts nothing and is as stale as any other.
      if (!written.rowCount) throw new AppError('STALE_VERSION');
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'update',
          entity: 'notice-settings',
          purpose: 'administration',
          detail: { childNoticeAge: input.childNoticeAge },
        }),
      );
      return noticeSettings(q, m);
    });
  },
);
