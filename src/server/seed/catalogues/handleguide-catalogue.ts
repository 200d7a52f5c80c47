/** The demo sign catalogue and handleguide (own wording, after the Favrskov and Slagelse approach). */
export interface TSeedSign {
  code: string;
  da: string;
  en: string;
  acute: boolean;
}

export const DEMO_SIGNS: readonly TSeedSign[] = [
  { code: 'withdrawn', da: 'Indadvendt, trækker sig', en: 'Withdrawn', acute: false },
  { code: 'actingOut', da: 'Udadreagerende', en: 'Acting out', acute: false },
  { code: 'unconcentrated', da: 'Ukoncentreret', en: 'Unconcentrated', acute: false },
  {
    code: 'emotionallyUnbalanced',
    da: 'Følelsesmæssigt ude af balance',
    en: 'Emotionally unbalanced',
    acute: false,
  },
  { code: 'beginningAbsence', da: 'Begyndende fravær', en: 'Beginning absence', acute: false },
  { code: 'neglectedAppearance', da: 'Forsømt fremtoning', en: 'Neglected appearance', acute: false },
  { code: 'suddenChange', da: 'Pludselig ændret adfærd', en: 'Sudden change in behaviour', acute: false },
  { code: 'signsOfViolence', da: 'Tegn på vold', en: 'Signs of violence', acute: true },
  { code: 'signsOfAbuse', da: 'Tegn på seksuelle overgreb', en: 'Signs of sexual abuse', acute: true },
  { code: 'childInDanger', da: 'Barnet er i akut fare', en: 'The child is in acute danger', acute: true },
];

export interface TSeedAction {
  level: 1 | 2 | 3 | 4;
  code: string;
  titleDa: string;
  titleEn: string;
  guidanceDa: string;
  guidanceEn: string;
  links: { label: string; url: string }[];
}

const NOTIFY: TSeedAction = {
  level: 4,
  code: 'notifyAuthority',
  titleDa: 'Underretning til myndigheden',
  titleEn: 'Notification to the authority',
  guidanceDa:
    'Du har skærpet underretningspligt. Underret kommunen hurtigst muligt, og tal med din leder. Ved mistanke om vold eller overgreb i familien: kontakt ikke forældrene først.',
  guidanceEn:
    'You have a heightened duty to notify. Notify the municipality as soon as possible and talk to your leader. If violence or abuse in the family is suspected, do not contact the parents first.',
  links: [{ label: 'Kommunens underretningsside', url: 'https://demo.beskyt.test/underretning' }],
};

/** Levels 1–3 for an ordinary sign; `hint` is the sign-specific first step in the unit. */
function ordinaryActions(hintDa: string, hintEn: string): TSeedAction[] {
  return [
    {
      level: 1,
      code: 'observeInUnit',
      titleDa: 'Observér og tal med barnet i enheden',
      titleEn: 'Observe and talk with the child in the unit',
      guidanceDa: `${hintDa} Skriv ned, hvad du ser, og drøft det med en kollega inden for 14 dage.`,
      guidanceEn: `${hintEn} Write down what you see and discuss it with a colleague within 14 days.`,
      links: [],
    },
    {
      level: 1,
      code: 'adjustPedagogy',
      titleDa: 'Tilpas den pædagogiske indsats',
      titleEn: 'Adjust the everyday pedagogy',
      guidanceDa:
        'Prøv en konkret ændring i hverdagen (plads, voksenkontakt, struktur) og følg op efter fire uger.',
      guidanceEn:
        'Try one concrete change in everyday life (seating, adult contact, structure) and follow up after four weeks.',
      links: [],
    },
    {
      level: 2,
      code: 'talkWithParents',
      titleDa: 'Samtale med forældrene',
      titleEn: 'Conversation with the parents',
      guidanceDa:
        'Fortæl forældrene, hvad I ser, og spørg, hvad de ser derhjemme. Aftal, hvad I hver gør, og hvornår I følger op.',
      guidanceEn:
        'Tell the parents what you see and ask what they see at home. Agree what each of you will do and when you follow up.',
      links: [
        {
          label: 'Forældrekursus (kommunens tilbud)',
          url: 'https://demo.beskyt.test/tilbud/foraeldrekursus',
        },
      ],
    },
    {
      level: 3,
      code: 'interdisciplinaryMeeting',
      titleDa: 'Tværfagligt møde',
      titleEn: 'Interdisciplinary meeting',
      guidanceDa:
        'Bed din leder om at sætte barnet på det tværfaglige møde. Indhent forældrenes samtykke først.',
      guidanceEn:
        "Ask your leader to put the child on the interdisciplinary meeting's agenda. Get the parents' consent first.",
      links: [{ label: 'PPR – rådgivning', url: 'https://demo.beskyt.test/tilbud/ppr' }],
    },
    {
      level: 3,
      code: 'anonymousConsultation',
      titleDa: 'Anonym sparring',
      titleEn: 'Anonymous consultation',
      guidanceDa:
        'Drøft bekymringen uden navn med det tværfaglige team eller en rådgiver, hvis du er i tvivl om, hvad du skal gøre.',
      guidanceEn:
        'Discuss the concern without a name with the interdisciplinary team or a social worker when in doubt what to do.',
      links: [],
    },
    NOTIFY,
  ];
}

const HINTS: Record<string, [string, string]> = {
  withdrawn: [
    'Giv barnet en fast voksen og små trygge fællesskaber.',
    'Give the child one steady adult and small safe groups.',
  ],
  actingOut: ['Se efter, hvad der udløser reaktionerne.', 'Look for what sets the reactions off.'],
  unconcentrated: [
    'Se på søvn, mad og struktur i dagen.',
    'Look at sleep, food and the structure of the day.',
  ],
  emotionallyUnbalanced: [
    'Spørg nysgerrigt ind til, hvordan barnet har det.',
    'Ask with curiosity how the child is doing.',
  ],
  beginningAbsence: [
    'Registrér fraværet og kontakt hjemmet allerede første dag.',
    'Record the absence and contact the home on the first day.',
  ],
  neglectedAppearance: [
    'Læg mærke til tøj, hygiejne og madpakke over tid.',
    'Notice clothes, hygiene and packed lunch over time.',
  ],
  suddenChange: [
    'Spørg ind til ændringer i familien eller blandt vennerne.',
    'Ask about changes in the family or among friends.',
  ],
};

export function demoActions(sign: TSeedSign): TSeedAction[] {
  if (sign.acute) return [NOTIFY];
  const [da, en] = HINTS[sign.code] ?? ['', ''];
  return ordinaryActions(da, en);
}
