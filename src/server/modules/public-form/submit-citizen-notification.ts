import type { TCitizenNotificationForm } from '../../../shared/schemas/notifications.ts';
import type { TDeps } from '../../http/context.ts';
import type { TCheckedAttachment } from '../notifications/attachments.ts';
import { recordNotification } from '../notifications/record-notification.ts';

/**
 * A citizen's notification from the public form: no login, anonymous allowed. Written with its attachments
 * and its audit event in one transaction; answers the reference to show the citizen.
 */
export async function submitCitizenNotification(
  deps: TDeps,
  municipalityId: string,
  form: TCitizenNotificationForm,
  attachments: TCheckedAttachment[],
  ip: string,
): Promise<{ id: string; reference: string }> {
  return deps.db.tenant(municipalityId, async (q) => {
    const recorded = await recordNotification(q, deps, {
      municipalityId,
      source: 'citizen',
      anonymous: form.anonymous,
      notifierName: form.notifierName,
      notifierEmail: form.notifierEmail,
      notifierPhone: form.notifierPhone,
      notifierRelation: form.notifierRelation,
      cpr: form.childCpr,
      childName: form.childName,
      childBirthDate: form.childBirthDate,
      childAddress: form.childAddress,
      description: form.description,
      attachments,
    });
    await deps.audit.inTransaction(q, {
      municipalityId,
      userId: null,
      role: null,
      action: 'create',
      entity: 'notification',
      entityId: recorded.id,
      childId: recorded.childId,
      purpose: 'citizenForm',
      ip,
      detail: { source: 'citizen', anonymous: form.anonymous, attachments: attachments.length },
    });
    return { id: recorded.id, reference: recorded.reference };
  });
}
