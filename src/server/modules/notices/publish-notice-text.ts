import { noticeTextProblems } from '../../../domain/notices/notice-text-rules.ts';
import type { TNoticeText, TPublishNoticeTextRequest } from '../../../shared/schemas/notices.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError, type TFieldProblem } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { currentNoticeTexts } from './notice-texts.ts';

/**
 * Publishes the municipality's own version of a notice text. Refused with 400 naming each element a text
 * must have and lacks (the legal basis, the retention, the complaint right to Datatilsynet …); 409 when
 * someone published another version since the edit began. Published versions are final; letters name the
 * version they used.
 */
export const publishNoticeText = defineUseCase(
  'manage:notice-text:municipality',
  async (ctx, input: TPublishNoticeTextRequest): Promise<TNoticeText> => {
    const problems = noticeTextProblems(input.sections);
    if (problems.length > 0) {
      const fields: Record<string, TFieldProblem> = {};
      for (const p of problems) fields[`sections.${p.element}`] = { key: p.key };
      throw new AppError('VALIDATION_FAILED', { fields });
    }
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      // One publisher at a time per text: the version check and the insert see the same latest version.
      await q.query(
        sql`SELECT pg_advisory_xact_lock(hashtextextended(${`notice-text:${m}:${input.kind}:${input.audience}:${input.locale}`}, 0))`,
      );
      const { rows } = await q.query(
        sql`SELECT coalesce(max(version), 0)::int AS v FROM notice_texts
             WHERE municipality_id = ${m} AND kind = ${input.kind} AND audience = ${input.audience}
               AND locale = ${input.locale}`,
      );
      const latest: number = rows[0].v;
      if (latest !== input.basedOnVersion) throw new AppError('STALE_VERSION');
      await q.query(
        sql`INSERT INTO notice_texts (municipality_id, kind, audience, locale, version, sections, published_by)
            VALUES (${m}, ${input.kind}, ${input.audience}, ${input.locale}, ${latest + 1},
                    ${JSON.stringify(input.sections)}::jsonb, ${ctx.user.userId})`,
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'publish',
          entity: 'notice-text',
          purpose: 'administration',
          detail: { kind: input.kind, audience: input.audience, locale: input.locale, version: latest + 1 },
        }),
      );
      const texts = await currentNoticeTexts(q, m, input.kind);
      return texts.find((t) => t.audience === input.audience && t.locale === input.locale) as TNoticeText;
    });
  },
);
