import type { FastifyInstance } from 'fastify';
import { ZDeadlineSettingsRequest } from '../../../shared/schemas/notifications.ts';
import type { TDeps } from '../../http/context.ts';
import { route } from '../../http/route.ts';
import { getDeadlineSettings } from './get-deadline-settings.ts';
import { updateDeadlineSettings } from './update-deadline-settings.ts';

export function deadlineSettingsRoutes(app: FastifyInstance, deps: TDeps): void {
  const tags = ['deadline-settings'];
  route(app, deps, {
    method: 'GET',
    url: '/api/v1/deadline-settings',
    summary: "The municipality's deadline lengths (24 h, receipt weekdays, § 20, § 91, § 95, ages, days off)",
    tags,
    permission: getDeadlineSettings.permission,
    handler: (ctx) => getDeadlineSettings(ctx),
  });
  route(app, deps, {
    method: 'PUT',
    url: '/api/v1/deadline-settings',
    summary: "Set the municipality's deadline lengths (optimistic locking)",
    tags,
    permission: updateDeadlineSettings.permission,
    body: ZDeadlineSettingsRequest,
    handler: (ctx, { body }) => updateDeadlineSettings(ctx, body),
  });
}
