import type { TCase, TGrantAccessRequest } from '../../../shared/schemas/cases.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { recordCaseWrite } from './case-events.ts';
import { writeCase } from './case-writes.ts';

/**
 * A manager of the case's team gives a caseworker outside it access to the case, with a reason. A new
 * relation to the child: the audit event says so (`grant-access`), naming who granted whom, the case and
 * the child; the timeline shows it as `accessGranted`.
 */
export const grantCaseAccess = defineUseCase(
  'manage:case:team',
  async (ctx, caseId: string, input: TGrantAccessRequest): Promise<TCase> => {
    const m = ctx.user.municipalityId;
    return writeCase(
      ctx,
      caseId,
      async (q, c) => {
        const user = await q.query(
          `SELECT 1 FROM role_assignments WHERE municipality_id = $1 AND user_id = $2
            AND role IN ('caseworker', 'caseworkManager') LIMIT 1`,
          [m, input.userId],
        );
        if (user.rows.length === 0) throw fieldError('userId', 'field.unknownCaseworker');
        await q.query(
          `INSERT INTO case_access_grants (municipality_id, case_id, user_id, reason, granted_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (municipality_id, case_id, user_id) DO UPDATE SET reason = EXCLUDED.reason,
           granted_by = EXCLUDED.granted_by, granted_at = now()`,
          [m, caseId, input.userId, input.reason, ctx.user.userId],
        );
        await recordCaseWrite(
          q,
          ctx,
          c,
          'accessGranted',
          { userId: input.userId, reason: input.reason },
          { action: 'grant-access' },
        );
      },
      { allowClosed: true },
    );
  },
);
