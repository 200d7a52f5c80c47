import { defineUseCase } from '../../http/use-case.ts';
import { loadGuide, type TGuideSignRow } from './load-guide.ts';

/** The sign catalogue and handleguide. Admins who manage it also see retired (inactive) signs. */
export const getHandleguide = defineUseCase(
  'read:handleguide:municipality',
  async (ctx): Promise<{ signs: TGuideSignRow[] }> => {
    const activeOnly = !ctx.user.permissions.has('manage:handleguide:municipality');
    const signs = await ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
      loadGuide(q, ctx.user.municipalityId, { activeOnly }),
    );
    return { signs };
  },
);
