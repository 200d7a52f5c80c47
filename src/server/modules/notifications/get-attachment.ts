import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { INTAKE } from './notifications.access.ts';

export interface TAttachmentFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** One attachment of a notification, for the intake; audited. */
export const getAttachment = defineUseCase(
  'read:notification:municipality',
  async (ctx, id: string, attachmentId: string): Promise<TAttachmentFile> => {
    const m = ctx.user.municipalityId;
    const { rows } = await ctx.db.tenantRead(m, (q) =>
      q.query(
        `SELECT a.file_name, a.media_type, a.content, n.child_id FROM notification_attachments a
         JOIN notifications n ON n.municipality_id = a.municipality_id AND n.id = a.notification_id
        WHERE a.municipality_id = $1 AND a.notification_id = $2 AND a.id = $3`,
        [m, id, attachmentId],
      ),
    );
    const a = rows[0];
    if (!a) throw new AppError('NOT_FOUND');
    await ctx.audit.record(
      auditEvent(ctx, {
        action: 'read',
        entity: 'notificationAttachment',
        entityId: attachmentId,
        childId: a.child_id,
        relation: INTAKE,
        detail: { notificationId: id },
      }),
    );
    return { fileName: a.file_name, mediaType: a.media_type, content: a.content };
  },
);
