import type { FastifyInstance } from 'fastify';
import {
  ZAddMeasureRequest,
  ZCaseDeadlinesQuery,
  ZCaseFollowUpParams,
  ZChildConversationRequest,
  ZCloseCaseRequest,
  ZCompleteAssessmentRequest,
  ZFindCasesQuery,
  ZFollowUpRequest,
  ZGrantAccessRequest,
  ZOpenCaseRequest,
  ZPreliminaryAssessmentRequest,
  ZSavePlanRequest,
} from '../../../shared/schemas/cases.ts';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { addMeasure } from './add-measure.ts';
import { closeCase } from './close-case.ts';
import { completeChildAssessment } from './complete-child-assessment.ts';
import { findCaseTeams } from './find-case-teams.ts';
import { findCases } from './find-cases.ts';
import { getCase } from './get-case.ts';
import { getCaseDeadlines } from './get-case-deadlines.ts';
import { grantCaseAccess } from './grant-case-access.ts';
import { openCase } from './open-case.ts';
import { recordChildConversation } from './record-child-conversation.ts';
import { recordFollowUp } from './record-follow-up.ts';
import { recordPreliminaryAssessment } from './record-preliminary-assessment.ts';
import { savePlan } from './save-plan.ts';

export function casesRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['cases'];
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases',
    summary: 'Open a case from a notification or directly, in one of your teams',
    tags,
    permission: openCase.permission,
    body: ZOpenCaseRequest,
    status: 201,
    handler: (ctx, { body }) => openCase(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cases',
    summary: 'Cases you may see (your teams, your own, given access), soonest deadline first',
    tags,
    permission: findCases.permission,
    query: ZFindCasesQuery,
    handler: (ctx, { query }) => findCases(ctx, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/case-teams',
    summary: 'Your teams with their caseworkers and open caseloads',
    tags,
    permission: findCaseTeams.permission,
    handler: (ctx) => findCaseTeams(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/case-deadlines',
    summary: 'Deadlines per team and caseworker with compliance, and the overdue cases',
    tags,
    permission: getCaseDeadlines.permission,
    query: ZCaseDeadlinesQuery,
    handler: (ctx, { query }) => getCaseDeadlines(ctx, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/cases/:id',
    summary: 'One case: deadlines, child conversations, measures, plan, follow-ups, timeline',
    tags,
    permission: getCase.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getCase(ctx, params.id),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/:id/child-assessment',
    summary: 'Finish the § 20 child assessment (a preliminary assessment first when late)',
    tags,
    permission: completeChildAssessment.permission,
    params: ZIdParams,
    body: ZCompleteAssessmentRequest,
    handler: (ctx, { params, body }) => completeChildAssessment(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/:id/preliminary-assessment',
    summary: 'Record the preliminary assessment when the § 20 deadline is exceeded',
    tags,
    permission: recordPreliminaryAssessment.permission,
    params: ZIdParams,
    body: ZPreliminaryAssessmentRequest,
    handler: (ctx, { params, body }) => recordPreliminaryAssessment(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/:id/conversations',
    summary: 'Record a child conversation: held, declined, or not held and why',
    tags,
    permission: recordChildConversation.permission,
    params: ZIdParams,
    body: ZChildConversationRequest,
    status: 201,
    handler: (ctx, { params, body }) => recordChildConversation(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/:id/measures',
    summary: 'Add a measure (§ 30 or § 32); a § 32 measure schedules the first follow-up',
    tags,
    permission: addMeasure.permission,
    params: ZIdParams,
    body: ZAddMeasureRequest,
    status: 201,
    handler: (ctx, { params, body }) => addMeasure(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/cases/:id/plan',
    summary: "Write or revise barnets plan: goals tied to protective factors and the child's wishes",
    tags,
    permission: savePlan.permission,
    params: ZIdParams,
    body: ZSavePlanRequest,
    handler: (ctx, { params, body }) => savePlan(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/:id/follow-ups/:followUpId/held',
    summary: 'Record a follow-up as held, and the next one',
    tags,
    permission: recordFollowUp.permission,
    params: ZCaseFollowUpParams,
    body: ZFollowUpRequest,
    handler: (ctx, { params, body }) => recordFollowUp(ctx, params.id, params.followUpId, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/:id/access-grants',
    summary: "Give a caseworker outside the case's team access to it",
    tags,
    permission: grantCaseAccess.permission,
    params: ZIdParams,
    body: ZGrantAccessRequest,
    handler: (ctx, { params, body }) => grantCaseAccess(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/cases/:id/close',
    summary: 'Close a case with a reason',
    tags,
    permission: closeCase.permission,
    params: ZIdParams,
    body: ZCloseCaseRequest,
    handler: (ctx, { params, body }) => closeCase(ctx, params.id, body),
  });
}
