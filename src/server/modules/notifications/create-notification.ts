import type { TCreateNotificationRequest } from '../../../shared/schemas/notifications.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import { fieldError } from '../../http/errors.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { checkAttachments } from './attachments.ts';
import { recordNotification, type TRecordedNotification } from './record-notification.ts';

/**
 * A professional's notification to the authority (duty to notify), from one of their units. It may name a
 * child they already see (through an enrolment in their units), or a concern recorded in their units — then
 * it is about that concern's child — or identify the child by CPR number, or name, birth date and address.
 */
export const createNotification = defineUseCase(
  'write:notification:unit',
  async (ctx, input: TCreateNotificationRequest): Promise<TRecordedNotification> => {
    const m = ctx.user.municipalityId;
    if (!unitsWith(ctx, ctx.permission).includes(input.unitId))
      throw fieldError('unitId', 'field.notYourUnit');
    const readable = unitsWith(ctx, 'read:child:unit');
    // Checked before the transaction: a wrong file writes nothing.
    const attachments = checkAttachments(
      (input.attachments ?? []).map((a) => ({
        fileName: a.fileName,
        content: Buffer.from(a.contentBase64, 'base64'),
      })),
    );
    return ctx.db.tenant(m, async (q) => {
      let childId = input.child.childId;
      if (input.concernId) {
        const { rows } = await q.query(
          'SELECT child_id FROM concerns WHERE municipality_id = $1 AND id = $2 AND unit_id = ANY($3::uuid[])',
          [m, input.concernId, unitsWith(ctx, ctx.permission)],
        );
        if (!rows[0]) throw fieldError('concernId', 'field.unknownConcern');
        childId ??= rows[0].child_id ?? undefined;
      }
      if (childId) {
        const { rows } = await q.query(
          `SELECT 1 FROM enrolments e WHERE e.municipality_id = $1 AND e.child_id = $2
            AND e.unit_id = ANY($3::uuid[]) AND ${currentEnrolment('e').text} LIMIT 1`,
          [m, childId, readable],
        );
        if (!rows[0]) throw fieldError('child.childId', 'field.unknownChild');
      }
      const recorded = await recordNotification(q, ctx, {
        municipalityId: m,
        source: 'professional',
        notifierKind: input.notifierKind,
        notifierUserId: ctx.user.userId,
        notifierUnitId: input.unitId,
        anonymous: false,
        concernId: input.concernId,
        childId,
        cpr: input.child.cpr,
        childName: input.child.name,
        childBirthDate: input.child.birthDate,
        childAddress: input.child.address,
        description: input.description,
        attachments,
      });
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          unitId: input.unitId,
          action: 'create',
          entity: 'notification',
          entityId: recorded.id,
          childId: recorded.childId,
          purpose: `notifier:${input.unitId}`,
          detail: {
            source: 'professional',
            notifierKind: input.notifierKind,
            concernId: input.concernId ?? null,
          },
        }),
      );
      return recorded;
    });
  },
);
