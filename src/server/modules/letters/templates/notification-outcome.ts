import { z } from 'zod';
import { danishDateTime } from './format.ts';
import type { TLetterTemplate } from './template.ts';

export const ZNotificationOutcomeData = z.object({
  receivedAt: z.iso.datetime({ offset: true }),
  reference: z.string().min(1).max(60),
  investigationStarted: z.boolean(),
});
export type TNotificationOutcomeData = z.infer<typeof ZNotificationOutcomeData>;

/** What a professional notifier is entitled to know afterwards: whether an investigation was started. */
export const notificationOutcomeTemplate: TLetterTemplate<TNotificationOutcomeData> = {
  schema: ZNotificationOutcomeData,
  render: (d, r) => ({
    subject: 'Besked om din underretning',
    paragraphs: [
      `Kære ${r.name}`,
      `Du sendte os en underretning den ${danishDateTime(d.receivedAt)} (reference ${d.reference}).`,
      d.investigationStarted
        ? 'Vi har nu sat en undersøgelse i gang.'
        : 'Vi har vurderet underretningen, og vi har ikke sat en undersøgelse i gang.',
      'Af hensyn til barnet og familien kan vi ikke fortælle mere. Tak fordi du sagde til.',
    ],
    closing: ['Venlig hilsen', 'Børne- og familieafdelingen'],
  }),
};
