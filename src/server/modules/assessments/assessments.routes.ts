import type { FastifyInstance } from 'fastify';
import {
  ZCreateAssessmentRequest,
  ZCreateRoundRequest,
  ZRoundChildParams,
  ZRoundProgressQuery,
  ZUpdateAssessmentRequest,
} from '../../../shared/schemas/assessments.ts';
import { ZIdParams } from '../../../shared/schemas/common.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { createAssessment } from './create-assessment.ts';
import { createRound } from './create-round.ts';
import { findOwnAssessments } from './find-own-assessments.ts';
import { findRounds } from './find-rounds.ts';
import { getAssessment } from './get-assessment.ts';
import { getChildAssessments } from './get-child-assessments.ts';
import { getRoundProgress } from './get-round-progress.ts';
import { getUnitWellbeing } from './get-unit-wellbeing.ts';
import { lockAssessment } from './lock-assessment.ts';
import { updateAssessment } from './update-assessment.ts';

export function assessmentsRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['assessments'];
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/assessment-rounds',
    summary: 'Open an assessment round for chosen units on the latest published catalogue',
    tags,
    permission: createRound.permission,
    body: ZCreateRoundRequest,
    status: 201,
    handler: (ctx, { body }) => createRound(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/assessment-rounds',
    summary: "Assessment rounds: all for an admin, else those including the user's units",
    tags,
    permission: findRounds.permission,
    handler: (ctx) => findRounds(ctx),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/assessment-rounds/:id/progress',
    summary: "A unit's progress in a round: which children still lack an own or a joint assessment",
    tags,
    permission: getRoundProgress.permission,
    params: ZIdParams,
    query: ZRoundProgressQuery,
    handler: (ctx, { params, query }) => getRoundProgress(ctx, params.id, query),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/assessment-rounds/:roundId/children/:childId/own-assessments',
    summary: "A child's own assessments in a round side by side, with the factors they disagree on",
    tags,
    permission: findOwnAssessments.permission,
    params: ZRoundChildParams,
    handler: (ctx, { params }) => findOwnAssessments(ctx, params.roundId, params.childId),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/assessments',
    summary: 'Make an own or joint assessment of a child in an open round',
    tags,
    permission: createAssessment.permission,
    body: ZCreateAssessmentRequest,
    status: 201,
    handler: (ctx, { body }) => createAssessment(ctx, body),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/assessments/:id',
    summary: 'One assessment with its factor states, the child’s voice and the parents’ view',
    tags,
    permission: getAssessment.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getAssessment(ctx, params.id),
  });
  route(app, deps, {
    method: 'PATCH',
    url: '/api/v1/assessments/:id',
    summary: 'Change an assessment until it is locked (optimistic locking)',
    tags,
    permission: updateAssessment.permission,
    params: ZIdParams,
    body: ZUpdateAssessmentRequest,
    handler: (ctx, { params, body }) => updateAssessment(ctx, params.id, body),
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/v1/assessments/:id/lock',
    summary: 'Lock an assessment made in a unit you lead',
    tags,
    permission: lockAssessment.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => lockAssessment(ctx, params.id),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/children/:id/assessments',
    summary:
      "A child's joint assessments: timeline, factor × time grid, persistence, protective share per theme",
    tags,
    permission: getChildAssessments.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getChildAssessments(ctx, params.id),
  });
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/units/:id/wellbeing',
    summary: 'Green/yellow/red in the unit, latest round against the previous, and the children to follow up',
    tags,
    permission: getUnitWellbeing.permission,
    params: ZIdParams,
    handler: (ctx, { params }) => getUnitWellbeing(ctx, params.id),
  });
}
