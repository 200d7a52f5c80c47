import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import {
  ZAssessNotificationRequest,
  ZAttachmentParams,
  ZCreateNotificationRequest,
  ZDecideNotificationRequest,
  ZMatchCandidatesQuery,
  ZMatchNotificationRequest,
  ZNotificationQueueQuery,
} from '../../../shared/schemas/notifications.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { assessNotification } from './assess-notification.ts';
import { createNotification } from './create-notification.ts';
import { decideNotification } from './decide-notification.ts';
import { findMatchCandidates } from './find-match-candidates.ts';
import { findOwnNotifications } from './find-own-notifications.ts';
import { findQueue } from './find-queue.ts';
import { getAttachment } from './get-attachment.ts';
import { getNotification } from './get-notification.ts';
import { matchNotification } from './match-notification.ts';

export function notificationsRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['notifications'];
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/notifications',
    summary: "A professional's notification to the authority, from one of their units",
    tags,
    permission: createNotification.permission,
    body: ZCreateNotificationRequest,
    status: 201,
    // Up to five attachments of 10 MB each, as base64.
    bodyLimit: 72 * 1024 * 1024,
    handler: (ctx, { body }) => createNotification(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/notifications/mine',
    summary: 'The notifications I made: received, receipt, and whether an investigation was started',
    tags,
    permission: findOwnNotifications.permission,
    handler: (ctx) => findOwnNotifications(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/notifications',
    summary: 'The intake queue, sorted by time left on the 24-hour assessment, repeats counted',
    tags,
    permission: findQueue.permission,
    query: ZNotificationQueueQuery,
    handler: (ctx, { query }) => findQueue(ctx, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/notifications/:id',
    summary: 'One notification for the intake: content, child, assessment, decision, linked notifications',
    tags,
    permission: getNotification.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getNotification(ctx, params.id),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/notifications/:id/attachments/:attachmentId',
    summary: 'Download an attachment (PDF, PNG or JPEG)',
    tags,
    permission: getAttachment.permission,
    params: ZAttachmentParams,
    handler: async (ctx, { params }, _req, reply) => {
      const file = await getAttachment(ctx, params.id, params.attachmentId);
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/notifications/:id/match-candidates',
    summary: 'Children the notification may be about: by search text, else by what the notifier gave',
    tags,
    permission: findMatchCandidates.permission,
    params: ZIdParams,
    query: ZMatchCandidatesQuery,
    handler: (ctx, { params, query }) => findMatchCandidates(ctx, params.id, query.q),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/notifications/:id/match',
    summary: 'Match the notification to a child record',
    tags,
    permission: matchNotification.permission,
    params: ZIdParams,
    body: ZMatchNotificationRequest,
    handler: (ctx, { params, body }) => matchNotification(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/notifications/:id/assessment',
    summary: 'The 24-hour assessment: health or development at risk, acute action needed',
    tags,
    permission: assessNotification.permission,
    params: ZIdParams,
    body: ZAssessNotificationRequest,
    handler: (ctx, { params, body }) => assessNotification(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/notifications/:id/decision',
    summary: 'Record the decision: no further action, § 19 screening, § 20 child assessment or acute measure',
    tags,
    permission: decideNotification.permission,
    params: ZIdParams,
    body: ZDecideNotificationRequest,
    handler: (ctx, { params, body }) => decideNotification(ctx, params.id, body),
  });
}
