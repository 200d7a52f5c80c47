import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import {
  ZCloseConferenceRequest,
  ZConferenceDecisionRequest,
  ZConferencePlanRequest,
  ZConferenceReviewRequest,
  ZInformConferenceRequest,
  ZPrepareConferenceRequest,
  ZPrivateTimeRequest,
  ZReferConferenceRequest,
} from '../../../shared/schemas/conferences.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { closeConference } from './close-conference.ts';
import { decidePlan } from './decide-plan.ts';
import { findChildConferences } from './find-child-conferences.ts';
import { findConferenceCoordinators } from './find-conference-coordinators.ts';
import { findMyConferences } from './find-my-conferences.ts';
import { getConference } from './get-conference.ts';
import { informConference } from './inform-conference.ts';
import { prepareConference } from './prepare-conference.ts';
import { recordPlan } from './record-plan.ts';
import { recordPrivateTime } from './record-private-time.ts';
import { referConference } from './refer-conference.ts';
import { reviewPlan } from './review-plan.ts';

/** Family group conferences (issue 16, item 4; decision 027). */
export function conferencesRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['conferences'];
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/conferences',
    summary:
      "Refer a child's family to a family group conference, with the family's agreement and a neutral coordinator",
    tags,
    permission: referConference.permission,
    body: ZReferConferenceRequest,
    status: 201,
    handler: (ctx, { body }) => referConference(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/conferences',
    summary: 'The conferences you coordinate',
    tags,
    permission: findMyConferences.permission,
    handler: (ctx) => findMyConferences(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/conference-coordinators',
    summary: 'The users who can be named coordinator of a conference',
    tags,
    permission: findConferenceCoordinators.permission,
    handler: (ctx) => findConferenceCoordinators(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/conferences',
    summary: "A child's family group conferences",
    tags,
    permission: findChildConferences.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => findChildConferences(ctx, params.id),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/conferences/:id',
    summary: 'A conference with its phases, and what you may record now',
    tags,
    permission: getConference.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getConference(ctx, params.id),
  });
  const step = <B>(
    path: string,
    summary: string,
    useCase: ((ctx: Parameters<typeof getConference>[0], id: string, body: B) => Promise<unknown>) & {
      permission: typeof prepareConference.permission | typeof decidePlan.permission;
    },
    body: ZodType<B>,
  ) =>
    route(app, deps, {
      method: 'POST',
      url: `/api/v1/conferences/:id/${path}`,
      summary,
      tags,
      permission: useCase.permission,
      params: ZIdParams,
      body,
      handler: (ctx, { params, body: input }) => useCase(ctx, params.id, input as B),
    });
  step(
    'preparation',
    'Preparation: questions, concerns and bottom lines, the network invited',
    prepareConference,
    ZPrepareConferenceRequest,
  );
  step(
    'information',
    'Information: the professionals who informed, and what they brought',
    informConference,
    ZInformConferenceRequest,
  );
  step(
    'private-time',
    "The family's private time took place (no content is recorded)",
    recordPrivateTime,
    ZPrivateTimeRequest,
  );
  step(
    'plan',
    "The family's plan: tasks with what, who, by when and who checks",
    recordPlan,
    ZConferencePlanRequest,
  );
  step(
    'decision',
    'Approve the plan with its review date, or refuse it with a reason',
    decidePlan,
    ZConferenceDecisionRequest,
  );
  step(
    'review',
    'The review: the status of every task, and whether the plan helped',
    reviewPlan,
    ZConferenceReviewRequest,
  );
  step('close', 'Close the plan after its review', closeConference, ZCloseConferenceRequest);
}
