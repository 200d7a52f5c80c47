import type { z } from 'zod';

export interface TLetterRecipient {
  name: string;
  addressLines: string[];
}

/** A heading between a letter's paragraphs (a long letter in parts, such as an information notice). */
export interface TLetterHeading {
  heading: string;
}

/** A letter's words: the subject, the paragraphs and the signature lines. Layout is the same for all. */
export interface TLetterText {
  subject: string;
  paragraphs: (string | TLetterHeading)[];
  closing: string[];
}

export interface TLetterTemplate<D> {
  schema: z.ZodType<D>;
  render: (data: D, recipient: TLetterRecipient) => TLetterText;
}
