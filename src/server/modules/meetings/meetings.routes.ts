import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import {
  ZAddItemRequest,
  ZCreateActionRequest,
  ZCreateMeetingRequest,
  ZMeetingsQuery,
  ZRecordFollowUpRequest,
  ZUpdateActionRequest,
  ZUpdateMinutesRequest,
} from '../../../shared/schemas/meetings.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { addItem } from './add-item.ts';
import { createAction } from './create-action.ts';
import { createMeeting } from './create-meeting.ts';
import { findConcernCandidates } from './find-concern-candidates.ts';
import { findMeetings } from './find-meetings.ts';
import { findPeople } from './find-people.ts';
import { getChildMeetings } from './get-child-meetings.ts';
import { getItemChild } from './get-item-child.ts';
import { getMeeting } from './get-meeting.ts';
import { recordFollowUp } from './record-follow-up.ts';
import { updateAction } from './update-action.ts';
import { updateMinutes } from './update-minutes.ts';

export function meetingsRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['meetings'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/meetings',
    summary: 'Meetings the user organises or takes part in (no child named in the list)',
    tags,
    permission: findMeetings.permission,
    query: ZMeetingsQuery,
    handler: (ctx, { query }) => findMeetings(ctx, query),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/meetings',
    summary:
      'Create an interdisciplinary meeting for a unit you lead or its district, with participants by profession',
    tags,
    permission: createMeeting.permission,
    body: ZCreateMeetingRequest,
    status: 201,
    handler: (ctx, { body }) => createMeeting(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/meetings/concern-candidates',
    summary: 'Level-3 concerns in your units not yet on an agenda, offered when scheduling',
    tags,
    permission: findConcernCandidates.permission,
    handler: (ctx) => findConcernCandidates(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/meetings/people',
    summary: 'Users who can be invited to a meeting',
    tags,
    permission: findPeople.permission,
    handler: (ctx) => findPeople(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/meetings/:id',
    summary: 'A meeting with its agenda; named children only as the sharing rule allows, each read audited',
    tags,
    permission: getMeeting.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getMeeting(ctx, params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/meetings/:id/items',
    summary:
      'Add an agenda item: a named child on a consent or the legal basis, or an anonymous consultation',
    tags,
    permission: addItem.permission,
    params: ZIdParams,
    body: ZAddItemRequest,
    status: 201,
    handler: (ctx, { params, body }) => addItem(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/meeting-items/:id/minutes',
    summary: 'Write the minutes of an item: three columns, scaling, decisions, follow-up date',
    tags,
    permission: updateMinutes.permission,
    params: ZIdParams,
    body: ZUpdateMinutesRequest,
    handler: (ctx, { params, body }) => updateMinutes(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/meeting-items/:id/actions',
    summary: 'Agree an action with an owner (a participant) and a due date',
    tags,
    permission: createAction.permission,
    params: ZIdParams,
    body: ZCreateActionRequest,
    status: 201,
    handler: (ctx, { params, body }) => createAction(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/meeting-items/:id/follow-up',
    summary: 'Record the follow-up: did it help (yes/partly/no) and the scaling again',
    tags,
    permission: recordFollowUp.permission,
    params: ZIdParams,
    body: ZRecordFollowUpRequest,
    handler: (ctx, { params, body }) => recordFollowUp(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/meeting-items/:id/child',
    summary:
      "The item's named child as the basis allows (consent kinds or the legal basis); audited with the basis",
    tags,
    permission: getItemChild.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getItemChild(ctx, params.id),
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/meeting-actions/:id',
    summary: "Change an action's status (its owner or the organiser; optimistic locking)",
    tags,
    permission: updateAction.permission,
    params: ZIdParams,
    body: ZUpdateActionRequest,
    handler: (ctx, { params, body }) => updateAction(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/meetings',
    summary: 'Meetings that concerned the child, as far as the user may see them through the sharing rule',
    tags,
    permission: getChildMeetings.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getChildMeetings(ctx, params.id),
  });
}
