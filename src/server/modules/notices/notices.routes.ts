import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import {
  ZEndNoticeExceptionRequest,
  ZFindNoticeExceptionsQuery,
  ZFollowUpNoticeRequest,
  ZNoticeExceptionRequest,
  ZNoticeOverviewQuery,
  ZNoticeSettings,
  ZPublishNoticeTextRequest,
  ZReviewNoticeExceptionRequest,
} from '../../../shared/schemas/notices.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { findNoticeExceptions } from './find-notice-exceptions.ts';
import { findNoticeFollowUps } from './find-notice-follow-ups.ts';
import { findNoticeTexts } from './find-notice-texts.ts';
import { followUpNotice } from './follow-up-notice.ts';
import { getChildNotices } from './get-child-notices.ts';
import { getNoticeOverview } from './get-notice-overview.ts';
import { publishNoticeText } from './publish-notice-text.ts';
import { endNoticeException, recordNoticeException } from './record-notice-exception.ts';
import { reviewNoticeException } from './review-notice-exception.ts';
import { updateNoticeSettings } from './update-notice-settings.ts';

/** Information notices to guardians and young people (issue 23, decision 024). */
export function noticesRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['information-notices'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/notice-texts',
    summary: 'The notice texts as used now (the municipality’s or Beskyt’s default) and the notice settings',
    tags,
    permission: findNoticeTexts.permission,
    handler: (ctx) => findNoticeTexts(ctx),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/notice-texts',
    summary:
      'Publish the municipality’s version of a notice text (refused when a required element is missing)',
    tags,
    permission: publishNoticeText.permission,
    body: ZPublishNoticeTextRequest,
    status: 201,
    handler: (ctx, { body }) => publishNoticeText(ctx, body),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/notice-settings',
    summary: 'The age from which a child gets a notice of its own',
    tags,
    permission: updateNoticeSettings.permission,
    body: ZNoticeSettings,
    handler: (ctx, { body }) => updateNoticeSettings(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/notices',
    summary: 'The child’s information notices, recordings not yet told about, and exceptions',
    tags,
    permission: getChildNotices.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getChildNotices(ctx, params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/children/:id/notice-exceptions',
    summary: 'Record that the notice about the child is postponed or omitted under a lawful exception',
    tags,
    permission: recordNoticeException.permission,
    params: ZIdParams,
    body: ZNoticeExceptionRequest,
    status: 201,
    handler: (ctx, { params, body }) => recordNoticeException(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/notice-exceptions/:id/end',
    summary: 'End an exception before its time; the notices it held back go out',
    tags,
    permission: endNoticeException.permission,
    params: ZIdParams,
    body: ZEndNoticeExceptionRequest,
    handler: (ctx, { params, body }) => endNoticeException(ctx, params.id, body.note),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/notice-exceptions',
    summary: 'The leader’s review list of exceptions recorded in their units or teams',
    tags,
    permission: findNoticeExceptions.permission,
    query: ZFindNoticeExceptionsQuery,
    handler: (ctx, { query }) => findNoticeExceptions(ctx, query.state),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/notice-exceptions/:id/review',
    summary: 'The leader has reviewed an exception',
    tags,
    permission: reviewNoticeException.permission,
    params: ZIdParams,
    body: ZReviewNoticeExceptionRequest,
    handler: (ctx, { params, body }) => reviewNoticeException(ctx, params.id, body.note),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/notice-overview',
    summary: 'Per unit and round: children recorded about, told, waiting, held back; families; follow-ups',
    tags,
    permission: getNoticeOverview.permission,
    query: ZNoticeOverviewQuery,
    handler: (ctx, { query }) => getNoticeOverview(ctx, query.roundId),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/notice-follow-ups',
    summary: 'Recipients who could not be sent a notice (no address, no guardian): the manual follow-up list',
    tags,
    permission: findNoticeFollowUps.permission,
    handler: (ctx) => findNoticeFollowUps(ctx),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/notices/:id/follow-up',
    summary: 'A notice on the follow-up list has been given another way',
    tags,
    permission: followUpNotice.permission,
    params: ZIdParams,
    body: ZFollowUpNoticeRequest,
    handler: (ctx, { params, body }) => followUpNotice(ctx, params.id, body.note),
  });
}
