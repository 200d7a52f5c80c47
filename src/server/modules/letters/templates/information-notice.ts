import { z } from 'zod';
import type { TLocale } from '../../../../shared/i18n/errors.ts';
import {
  NOTICE_AUDIENCES,
  NOTICE_ELEMENTS,
  NOTICE_KINDS,
  type TNoticeAudience,
  type TNoticeElement,
  type TNoticeKind,
  ZNoticeSections,
} from '../../../../shared/schemas/notices.ts';
import { danishDate } from './format.ts';
import type { TLetterHeading, TLetterTemplate } from './template.ts';

export const ZInformationNoticeData = z.object({
  kind: z.enum(NOTICE_KINDS),
  audience: z.enum(NOTICE_AUDIENCES),
  municipalityName: z.string().min(1).max(200),
  /** The children the notice is about, oldest first; `place` is the unit whose recording it is. */
  children: z
    .array(
      z.object({
        firstName: z.string().min(1).max(100),
        place: z.string().max(200).nullable(),
        /** A named meeting item: shared with the parents' consent or under the legal basis. */
        basis: z.enum(['consent', 'legalBasis']).nullable(),
      }),
    )
    .min(1)
    .max(30),
  round: z
    .object({ name: z.string().min(1).max(200), opensOn: z.iso.date(), closesOn: z.iso.date() })
    .nullable(),
  /** The municipality's texts (or Beskyt's defaults) as published when the notice was written. */
  texts: z.object({ da: ZNoticeSections, en: ZNoticeSections }),
});
export type TInformationNoticeData = z.infer<typeof ZInformationNoticeData>;

const HEADINGS: Record<TNoticeAudience, Record<TLocale, Record<TNoticeElement, string>>> = {
  guardian: {
    da: {
      categories: 'Hvilke oplysninger',
      purpose: 'Hvorfor',
      legalBasis: 'Hvad giver os lov',
      recipients: 'Hvem ser oplysningerne',
      retention: 'Hvor længe gemmer vi dem',
      rights: 'Dine rettigheder',
      complaint: 'Klage',
      controllerContact: 'Kontakt',
    },
    en: {
      categories: 'What information',
      purpose: 'Why',
      legalBasis: 'Our legal basis',
      recipients: 'Who sees it',
      retention: 'How long we keep it',
      rights: 'Your rights',
      complaint: 'Complaints',
      controllerContact: 'Contact',
    },
  },
  child: {
    da: {
      categories: 'Hvad skriver vi ned',
      purpose: 'Hvorfor',
      legalBasis: 'Hvad giver os lov',
      recipients: 'Hvem kan se det',
      retention: 'Hvor længe',
      rights: 'Det må du',
      complaint: 'Klage',
      controllerContact: 'Kontakt',
    },
    en: {
      categories: 'What we write down',
      purpose: 'Why',
      legalBasis: 'What allows us',
      recipients: 'Who can see it',
      retention: 'How long',
      rights: 'What you may do',
      complaint: 'Complaints',
      controllerContact: 'Contact',
    },
  },
};

const SUBJECT: Record<TNoticeKind, string> = {
  round: 'Trivselsvurdering',
  concern: 'Bekymring noteret',
  meetingItem: 'Tværfagligt møde',
  referral: 'Henvisning',
  networkPerson: 'Netværksperson',
};

/** "Emma", "Emma og Oliver", "Emma, Oliver og Ida". */
export function namesList(names: readonly string[], and: string): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

type TChild = TInformationNoticeData['children'][number];

const EN_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const englishDate = (iso: string) => EN_DATE.format(new Date(`${iso}T12:00:00Z`));

function lead(d: TInformationNoticeData, locale: TLocale): string[] {
  const da = locale === 'da';
  const names = namesList(
    d.children.map((c) => c.firstName),
    da ? 'og' : 'and',
  );
  const toChild = d.audience === 'child';
  const who = toChild ? (da ? 'du' : 'you') : names;
  const places = (c: TChild) => (c.place ? `${c.firstName}: ${c.place}.` : null);
  const lines: string[] = [];
  switch (d.kind) {
    case 'round': {
      const round = d.round;
      const window = round
        ? da
          ? ` Runden hedder ${round.name} og løber fra den ${danishDate(round.opensOn)} til den ${danishDate(round.closesOn)}.`
          : ` The round is called ${round.name} and runs from ${englishDate(round.opensOn)} to ${englishDate(round.closesOn)}.`
        : '';
      lines.push(
        da
          ? `Vi skriver til dig, fordi ${who} er med i kommunens trivselsvurdering.${window}`
          : `We are writing because ${who} ${toChild ? 'are' : d.children.length > 1 ? 'are' : 'is'} part of the municipality’s wellbeing assessment.${window}`,
      );
      break;
    }
    case 'concern':
      lines.push(
        da
          ? `Vi skriver til dig, fordi en fagperson har skrevet en bekymring ned for ${toChild ? 'dig' : names}.`
          : `We are writing because a professional has recorded a concern about ${toChild ? 'you' : names}.`,
      );
      break;
    case 'meetingItem':
      lines.push(
        da
          ? `Vi skriver til dig, fordi ${who} skal drøftes på et tværfagligt møde.`
          : `We are writing because ${who} will be discussed at an interdisciplinary meeting.`,
      );
      for (const c of d.children) {
        if (!c.basis) continue;
        const subject = toChild ? (da ? 'Du' : 'You') : c.firstName;
        lines.push(
          c.basis === 'consent'
            ? da
              ? `${subject} drøftes med samtykke.`
              : `${subject}: discussed with consent.`
            : da
              ? `${subject} drøftes uden samtykke, efter reglerne i barnets lov om det tidlige forebyggende samarbejde.`
              : `${subject}: discussed without consent, under the Children’s Act rules on early preventive cooperation.`,
        );
      }
      break;
    case 'referral':
      lines.push(
        da
          ? `Vi skriver til dig, fordi ${who} er henvist til et tilbud.`
          : `We are writing because ${who} ${toChild ? 'have' : 'has'} been referred to an offer.`,
      );
      break;
    case 'networkPerson':
      lines.push(
        da
          ? `Vi skriver til dig, fordi der er skrevet en netværksperson ind for ${toChild ? 'dig' : names}.`
          : `We are writing because a network person has been recorded for ${toChild ? 'you' : names}.`,
      );
      break;
  }
  if (!toChild && d.kind !== 'meetingItem')
    for (const c of d.children) {
      const line = places(c);
      if (line) lines.push(line);
    }
  lines.push(
    da
      ? 'Du skal ikke gøre noget. Har du spørgsmål, er du velkommen til at kontakte os.'
      : 'You do not need to do anything. If you have questions, you are welcome to contact us.',
  );
  return lines;
}

function part(d: TInformationNoticeData, locale: TLocale): (string | TLetterHeading)[] {
  const sections = d.texts[locale];
  const headings = HEADINGS[d.audience][locale];
  return [
    ...lead(d, locale),
    ...(sections.intro ? [sections.intro] : []),
    ...NOTICE_ELEMENTS.flatMap((e) => [{ heading: headings[e] }, sections[e]]),
  ];
}

/**
 * The information notice (GDPR articles 13 and 14) to a guardian with custody, naming every child of the
 * family it is about — or to the young person, in the child-friendly text. Danish, then the same in
 * English, so a family that does not read Danish is told too. The texts are the municipality's, kept in the
 * letter's data as they were when it was written.
 */
export const informationNoticeTemplate: TLetterTemplate<TInformationNoticeData> = {
  schema: ZInformationNoticeData,
  render: (d, r) => {
    const names = namesList(
      d.children.map((c) => c.firstName),
      'og',
    );
    return {
      subject:
        d.audience === 'child'
          ? `${SUBJECT[d.kind]}: oplysninger om dig`
          : `${SUBJECT[d.kind]}: oplysninger om ${names}`,
      paragraphs: [
        `Kære ${r.name}`,
        ...part(d, 'da'),
        { heading: 'Information in English' },
        `Dear ${r.name}`,
        ...part(d, 'en'),
      ],
      closing: ['Venlig hilsen / Kind regards', d.municipalityName],
    };
  },
};
