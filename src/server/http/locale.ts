import type { FastifyRequest } from 'fastify';
import type { TLocale } from '../../shared/i18n/errors.ts';

export const LOCALE_COOKIE = 'beskyt_lang';

/** The switch in the UI (cookie) wins, then the user's saved choice, then the browser, then Danish. */
export function resolveLocale(req: FastifyRequest, saved?: TLocale): TLocale {
  const cookie = req.cookies?.[LOCALE_COOKIE];
  if (cookie === 'da' || cookie === 'en') return cookie;
  if (saved) return saved;
  const header = req.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first === 'en' ? 'en' : 'da';
}
