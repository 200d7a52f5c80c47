import { z } from 'zod';
import { ZCsvStyle, ZId, ZIsoDate, ZPaging } from './common.ts';

const ZAuditFilter = z.object({
  userId: ZId.optional(),
  childId: ZId.optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});

export const ZFindAuditEventsQuery = ZAuditFilter.extend(ZPaging.shape).strict();
export type TFindAuditEventsQuery = z.infer<typeof ZFindAuditEventsQuery>;

export const ZExportAuditEventsQuery = ZAuditFilter.extend({
  format: z.enum(['csv', 'xlsx']),
  csv: ZCsvStyle.optional(),
}).strict();
export type TExportAuditEventsQuery = z.infer<typeof ZExportAuditEventsQuery>;
export type TAuditFilter = z.infer<typeof ZAuditFilter>;
