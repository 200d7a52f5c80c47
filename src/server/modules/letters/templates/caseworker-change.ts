import { z } from 'zod';
import { danishDate } from './format.ts';
import type { TLetterTemplate } from './template.ts';

export const ZCaseworkerChangeData = z.object({
  childFirstName: z.string().min(1).max(100),
  previousCaseworkerName: z.string().min(1).max(200),
  newCaseworkerName: z.string().min(1).max(200),
  newCaseworkerEmail: z.string().max(200).optional(),
  newCaseworkerPhone: z.string().max(40).optional(),
  teamName: z.string().min(1).max(200),
  effectiveOn: z.iso.date(),
});
export type TCaseworkerChangeData = z.infer<typeof ZCaseworkerChangeData>;

/** A personal letter to a parent with custody: who the family's new caseworker is and how to reach them. */
export const caseworkerChangeTemplate: TLetterTemplate<TCaseworkerChangeData> = {
  schema: ZCaseworkerChangeData,
  render: (d, r) => {
    const reach = [
      d.newCaseworkerPhone ? `telefon ${d.newCaseworkerPhone}` : null,
      d.newCaseworkerEmail ? `e-mail ${d.newCaseworkerEmail}` : null,
    ].filter(Boolean);
    return {
      subject: `Du har fået en ny rådgiver i sagen om ${d.childFirstName}`,
      paragraphs: [
        `Kære ${r.name}`,
        `Vi skriver for at fortælle dig, at ${d.previousCaseworkerName} holder op som rådgiver i sagen om ${d.childFirstName}. Fra den ${danishDate(d.effectiveOn)} er din nye rådgiver ${d.newCaseworkerName} fra ${d.teamName}.`,
        'Din sag fortsætter som før. Det, vi har aftalt med dig, gælder stadig, og du skal ikke gøre noget.',
        reach.length > 0
          ? `Du kan kontakte ${d.newCaseworkerName} på ${reach.join(' eller ')}. Du er altid velkommen til at spørge, hvis der er noget, du er i tvivl om.`
          : `Du kan kontakte ${d.newCaseworkerName} gennem kommunens hovednummer. Du er altid velkommen til at spørge, hvis der er noget, du er i tvivl om.`,
        `${d.newCaseworkerName} kontakter dig snart for at sige goddag.`,
      ],
      closing: ['Venlig hilsen', d.teamName],
    };
  },
};
