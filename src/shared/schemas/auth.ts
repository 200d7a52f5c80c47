import { z } from 'zod';
import { ZLocale } from './common.ts';

export const ZLoginRequest = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1000),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSetLocaleRequest = z.strictObject({ locale: ZLocale });
export type TSetLocaleRequest = z.infer<typeof ZSetLocaleRequest>;
