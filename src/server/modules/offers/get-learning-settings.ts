import { defineUseCase } from '../../http/use-case.ts';
import { loadLearningSettings, type TLearningSettings } from './learning-settings.ts';

/** The follow-up months of the learning view and their version, for the admin who sets them. */
export const getLearningSettings = defineUseCase(
  'manage:offer:municipality',
  async (ctx): Promise<TLearningSettings> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenantRead(m, (q) => loadLearningSettings(q, m));
  },
);
