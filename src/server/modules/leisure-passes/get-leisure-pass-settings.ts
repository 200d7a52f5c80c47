import type { TLeisurePassSettings } from '../../../shared/schemas/leisure-passes.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { loadLeisurePassSettings } from './leisure-pass-settings.ts';

/** The municipality's leisure pass as its administrators set it. */
export const getLeisurePassSettings = defineUseCase(
  'manage:offer:municipality',
  async (ctx): Promise<TLeisurePassSettings> =>
    ctx.db.tenantRead(ctx.user.municipalityId, (q) => loadLeisurePassSettings(q, ctx.user.municipalityId)),
);
