import { z } from 'zod';
import { danishDateTime } from './format.ts';
import type { TLetterTemplate } from './template.ts';

export const ZNotificationReceiptData = z.object({
  receivedAt: z.iso.datetime({ offset: true }),
  reference: z.string().min(1).max(60),
  contactPhone: z.string().max(40).optional(),
  contactEmail: z.string().max(200).optional(),
});
export type TNotificationReceiptData = z.infer<typeof ZNotificationReceiptData>;

/** The receipt to a professional who made a notification: received, and what happens now. */
export const notificationReceiptTemplate: TLetterTemplate<TNotificationReceiptData> = {
  schema: ZNotificationReceiptData,
  render: (d, r) => ({
    subject: 'Vi har modtaget din underretning',
    paragraphs: [
      `Kære ${r.name}`,
      `Tak for din underretning. Vi bekræfter, at vi modtog den ${danishDateTime(d.receivedAt)}. Vores reference er ${d.reference}.`,
      'Vi vurderer alle underretninger inden for 24 timer. Vi ser på, om barnets sundhed eller udvikling er i fare, og om der skal handles med det samme.',
      'Af hensyn til barnet og familien kan vi ikke fortælle dig, hvad vi gør i sagen. Vi giver dig besked, om vi har sat en undersøgelse i gang.',
      d.contactPhone || d.contactEmail
        ? `Har du spørgsmål, kan du kontakte os på ${[d.contactPhone && `telefon ${d.contactPhone}`, d.contactEmail && `e-mail ${d.contactEmail}`].filter(Boolean).join(' eller ')}. Oplys vores reference.`
        : 'Har du spørgsmål, kan du kontakte kommunens hovednummer. Oplys vores reference.',
    ],
    closing: ['Venlig hilsen', 'Børne- og familieafdelingen'],
  }),
};
