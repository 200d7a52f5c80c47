import { z } from 'zod';
import type { TLetterTemplate } from './template.ts';

export const ZCoordinatorNamedData = z.object({
  childFirstName: z.string().min(1).max(100),
  coordinatorName: z.string().min(1).max(200),
  coordinatorEmail: z.string().max(200).optional(),
  unitName: z.string().min(1).max(200),
});
export type TCoordinatorNamedData = z.infer<typeof ZCoordinatorNamedData>;

/** To a parent with custody: who the child's named coordinator is, what that means and how to reach them. */
export const coordinatorNamedTemplate: TLetterTemplate<TCoordinatorNamedData> = {
  schema: ZCoordinatorNamedData,
  render: (d, r) => ({
    subject: `${d.coordinatorName} er koordinator for ${d.childFirstName}`,
    paragraphs: [
      `Kære ${r.name}`,
      `Vi skriver for at fortælle dig, at ${d.coordinatorName} fra ${d.unitName} er ${d.childFirstName}s koordinator.`,
      `Koordinatoren er den voksne, der holder sammen på det, vi gør for ${d.childFirstName}, og som du kan gå til, hvis du er bekymret eller har spørgsmål.`,
      d.coordinatorEmail
        ? `Du kan kontakte ${d.coordinatorName} på e-mail ${d.coordinatorEmail} eller gennem ${d.unitName}.`
        : `Du kan kontakte ${d.coordinatorName} gennem ${d.unitName}.`,
      'Du skal ikke gøre noget. Brevet er kun til orientering.',
    ],
    closing: ['Venlig hilsen', d.unitName],
  }),
};
