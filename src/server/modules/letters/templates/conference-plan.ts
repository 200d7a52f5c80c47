import { z } from 'zod';
import { danishDate } from './format.ts';
import type { TLetterTemplate } from './template.ts';

export const ZConferencePlanData = z.object({
  childFirstName: z.string().min(1).max(100),
  approvedBy: z.string().min(1).max(200),
  reviewOn: z.string().min(10).max(10),
  tasks: z
    .array(
      z.object({
        what: z.string().min(1).max(1000),
        who: z.string().min(1).max(200),
        dueOn: z.string().min(10).max(10),
        checkedBy: z.string().min(1).max(200),
      }),
    )
    .min(1)
    .max(30),
});
export type TConferencePlanData = z.infer<typeof ZConferencePlanData>;

/** To a parent with custody: the family's plan is approved — what each one does, by when, and when you meet again. */
export const conferencePlanTemplate: TLetterTemplate<TConferencePlanData> = {
  schema: ZConferencePlanData,
  render: (d, r) => ({
    subject: `Jeres plan for ${d.childFirstName} er godkendt`,
    paragraphs: [
      `Kære ${r.name}`,
      `I har lavet en plan for ${d.childFirstName} på familierådslagningen. ${d.approvedBy} har godkendt planen.`,
      { heading: 'Det har I aftalt' },
      ...d.tasks.map(
        (t) =>
          `${t.what} – ${t.who} gør det senest den ${danishDate(t.dueOn)}. ${t.checkedBy} holder øje med det.`,
      ),
      { heading: 'Det sker nu' },
      `Vi mødes igen den ${danishDate(d.reviewOn)}. Så ser vi sammen på, om planen har hjulpet.`,
      'Kontakt koordinatoren, hvis noget i planen ikke kan lade sig gøre.',
    ],
    closing: ['Venlig hilsen', d.approvedBy],
  }),
};
