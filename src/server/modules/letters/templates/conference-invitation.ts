import { z } from 'zod';
import { danishDate } from './format.ts';
import type { TLetterTemplate } from './template.ts';

export const ZConferenceInvitationData = z.object({
  childFirstName: z.string().min(1).max(100),
  coordinatorName: z.string().min(1).max(200),
  coordinatorEmail: z.string().max(200).optional(),
  invitedOn: z.string().min(10).max(10),
  questions: z.array(z.string().min(1).max(500)).min(1).max(10),
});
export type TConferenceInvitationData = z.infer<typeof ZConferenceInvitationData>;

/** To a network person: the family invites you to its family group conference, and what it is about. */
export const conferenceInvitationTemplate: TLetterTemplate<TConferenceInvitationData> = {
  schema: ZConferenceInvitationData,
  render: (d, r) => ({
    subject: `Invitation til familierådslagning for ${d.childFirstName}`,
    paragraphs: [
      `Kære ${r.name}`,
      `Familien omkring ${d.childFirstName} holder en familierådslagning. Familien vil gerne have dig med.`,
      'På mødet fortæller fagfolk først, hvad de ved. Derefter taler familien og netværket sammen uden fagfolk. Til sidst laver I en plan sammen.',
      'Familien skal svare på disse spørgsmål:',
      ...d.questions.map((question, i) => `${i + 1}. ${question}`),
      d.coordinatorEmail
        ? `${d.coordinatorName} er koordinator. Du kan skrive til ${d.coordinatorEmail}, hvis du har spørgsmål.`
        : `${d.coordinatorName} er koordinator og kontakter dig om tid og sted.`,
      `Brevet er skrevet den ${danishDate(d.invitedOn)}.`,
    ],
    closing: ['Venlig hilsen', d.coordinatorName],
  }),
};
