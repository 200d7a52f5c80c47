import type { TNoticeTexts } from '../../../shared/schemas/notices.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { currentNoticeTexts, noticeSettings } from './notice-texts.ts';

/** Every notice text as used now (the municipality's version or Beskyt's default) and the settings. */
export const findNoticeTexts = defineUseCase(
  'manage:notice-text:municipality',
  async (ctx): Promise<TNoticeTexts> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenantRead(m, async (q) => ({
      texts: await currentNoticeTexts(q, m),
      settings: await noticeSettings(q, m),
    }));
  },
);
