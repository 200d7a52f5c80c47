import { defineUseCase } from '../../http/use-case.ts';
import { loadDeadlineSettings, type TDeadlineSettings } from './load-deadline-config.ts';

/** The deadline lengths the municipality uses (no personal data, so no audit event). */
export const getDeadlineSettings = defineUseCase(
  'read:deadline:municipality',
  async (ctx): Promise<TDeadlineSettings> => {
    return ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
      loadDeadlineSettings(q, ctx.user.municipalityId),
    );
  },
);
