import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { insertRows } from '../bulk-insert.ts';

// The demo factor catalogue, written from the facts in docs/domain.md ("Risk and protective
// factors"). The wording is our own; it is demo data, not a validated instrument.

export type TFactorKind = 'risk' | 'protective';
export type TFactorDomain =
  | 'development'
  | 'parenting'
  | 'familyNetwork'
  | 'schoolDaycare'
  | 'peersLeisure'
  | 'community';

/** Which policy the municipality rolls its parameter up by: Demo Kommune's themes or Nabo Kommune's values. */
export type TThemeSet = 'demo' | 'nabo';

export interface TPolicyThemeSpec {
  code: string;
  nameDa: string;
  nameEn: string;
}

export interface TFactorSpec {
  code: string;
  kind: TFactorKind;
  domain: TFactorDomain;
  ageFrom: number;
  ageTo: number;
  labelDa: string;
  labelEn: string;
  descriptionDa: string;
  descriptionEn: string;
  evidenceNote: string;
  /** Themes when the domain's default ones do not fit, per theme set. */
  themes?: Partial<Record<TThemeSet, readonly string[]>>;
}

/** A factor as seeded: its bit in the packed masks and the theme codes it counts under. */
export interface TCatalogueFactor extends TFactorSpec {
  bit: number;
  themeCodes: readonly string[];
}

export const POLICY_THEMES: Record<TThemeSet, readonly TPolicyThemeSpec[]> = {
  // Demo Kommune's child and youth policy (Barnets Lov § 15: a coherent child policy) has six themes.
  demo: [
    { code: 'tryg-opvaekst', nameDa: 'Tryg opvækst', nameEn: 'Safe upbringing' },
    { code: 'laering', nameDa: 'Læring og udvikling', nameEn: 'Learning and development' },
    { code: 'sundhed-trivsel', nameDa: 'Sundhed og trivsel', nameEn: 'Health and wellbeing' },
    { code: 'faellesskaber', nameDa: 'Fællesskaber og fritid', nameEn: 'Communities and leisure' },
    { code: 'familie-netvaerk', nameDa: 'Familie og netværk', nameEn: 'Family and network' },
    {
      code: 'medborgerskab',
      nameDa: 'Medborgerskab og inddragelse',
      nameEn: 'Citizenship and participation',
    },
  ],
  // Nabo Kommune states its policy as five values.
  nabo: [
    { code: 'mod', nameDa: 'Mod', nameEn: 'Courage' },
    { code: 'faellesskab', nameDa: 'Fællesskab', nameEn: 'Community' },
    { code: 'nysgerrighed', nameDa: 'Nysgerrighed', nameEn: 'Curiosity' },
    { code: 'ansvar', nameDa: 'Ansvar', nameEn: 'Responsibility' },
    { code: 'tryghed', nameDa: 'Tryghed', nameEn: 'Safety' },
  ],
};

/** Default themes per domain; every theme gets protective factors, so every theme has a share. */
const THEMES_BY_DOMAIN: Record<TThemeSet, Record<TFactorDomain, readonly string[]>> = {
  demo: {
    development: ['sundhed-trivsel'],
    parenting: ['familie-netvaerk', 'tryg-opvaekst'],
    familyNetwork: ['familie-netvaerk'],
    schoolDaycare: ['laering'],
    peersLeisure: ['faellesskaber'],
    community: ['medborgerskab', 'tryg-opvaekst'],
  },
  nabo: {
    development: ['mod', 'nysgerrighed'],
    parenting: ['tryghed', 'ansvar'],
    familyNetwork: ['tryghed'],
    schoolDaycare: ['nysgerrighed'],
    peersLeisure: ['faellesskab'],
    community: ['faellesskab', 'tryghed'],
  },
};

const risk = (spec: Omit<TFactorSpec, 'kind'>): TFactorSpec => ({ kind: 'risk', ...spec });
const protective = (spec: Omit<TFactorSpec, 'kind'>): TFactorSpec => ({ kind: 'protective', ...spec });

/** In bit order: a factor's bit is its index here, so this list only ever grows at the end. */
export const DEMO_FACTORS: readonly TFactorSpec[] = [
  // The family: parenting capacity and the family's situation.
  risk({
    code: 'R-PARENT-SUBSTANCE',
    domain: 'parenting',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Misbrug hos forældre',
    labelEn: 'Parental substance abuse',
    descriptionDa: 'En forælder har et misbrug af alkohol, stoffer eller medicin, som præger hverdagen.',
    descriptionEn: 'A parent misuses alcohol, drugs or medicine in a way that shapes daily life.',
    evidenceNote: 'Children of parents with substance abuse carry a clearly higher risk of low wellbeing.',
  }),
  risk({
    code: 'R-FAMILY-CRIME',
    domain: 'familyNetwork',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Kriminalitet i familien',
    labelEn: 'Crime in the family',
    descriptionDa: 'En forælder eller et andet nært familiemedlem er involveret i kriminalitet.',
    descriptionEn: 'A parent or another close family member is involved in crime.',
    evidenceNote: 'Crime in the family is among the strongest predictors of a child’s own later crime.',
  }),
  risk({
    code: 'R-PARENT-MENTAL',
    domain: 'parenting',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Psykisk sygdom eller langvarig belastning hos forældre',
    labelEn: 'Parental mental illness or long-term stress',
    descriptionDa: 'En forælder har en psykisk lidelse eller har længe været hårdt belastet.',
    descriptionEn: 'A parent has a mental illness or has been under heavy strain for a long time.',
    evidenceNote: 'Strained parents have less surplus for care, structure and closeness.',
  }),
  risk({
    code: 'R-PARENT-DISABILITY',
    domain: 'parenting',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Funktionsnedsættelse hos forældre',
    labelEn: 'Parental disability',
    descriptionDa: 'En forælder har en funktionsnedsættelse, der begrænser evnen til at varetage omsorgen.',
    descriptionEn: 'A parent has a disability that limits their capacity to provide care.',
    evidenceNote: 'Without support, a parent’s disability can leave the child’s needs partly unmet.',
  }),
  risk({
    code: 'R-YOUNG-PARENTS',
    domain: 'familyNetwork',
    ageFrom: 0,
    ageTo: 9,
    labelDa: 'Meget unge forældre',
    labelEn: 'Very young parents',
    descriptionDa: 'Forældrene var teenagere eller meget unge, da barnet blev født.',
    descriptionEn: 'The parents were teenagers or very young when the child was born.',
    evidenceNote: 'Very young parents more often lack education, income and a supporting network.',
  }),
  risk({
    code: 'R-PARENT-DEATH',
    domain: 'familyNetwork',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Dødsfald hos en forælder',
    labelEn: 'Death of a parent',
    descriptionDa: 'Barnet har mistet en mor eller far.',
    descriptionEn: 'The child has lost a mother or father.',
    evidenceNote: 'Losing a parent is a lasting strain, heavier when the grief gets little support.',
  }),
  risk({
    code: 'R-VIOLENCE',
    domain: 'parenting',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Vold i familien',
    labelEn: 'Violence in the family',
    descriptionDa: 'Barnet udsættes for eller overværer vold i hjemmet.',
    descriptionEn: 'The child is exposed to or witnesses violence at home.',
    evidenceNote: 'Violence at home harms development whether the child is hit or sees it happen.',
  }),
  risk({
    code: 'R-NEGLECT',
    domain: 'parenting',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Omsorgssvigt',
    labelEn: 'Neglect',
    descriptionDa: 'Barnets basale behov for mad, søvn, hygiejne, tryghed eller kontakt bliver ikke dækket.',
    descriptionEn: 'The child’s basic needs for food, sleep, hygiene, safety or contact are not met.',
    evidenceNote: 'Neglect early in life affects attachment, language and learning for years.',
  }),
  risk({
    code: 'R-PARENT-UPBRINGING',
    domain: 'parenting',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Forældres egen svære opvækst',
    labelEn: 'Parents’ own difficult upbringing',
    descriptionDa:
      'En forælder voksede selv op med omsorgssvigt, anbringelse eller andre store belastninger.',
    descriptionEn: 'A parent grew up with neglect, out-of-home care or other heavy strain.',
    evidenceNote: 'Patterns from a hard upbringing are often passed on unless someone breaks them.',
  }),
  risk({
    code: 'R-LOW-RESOURCES',
    domain: 'familyNetwork',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Begrænsede ressourcer i familien',
    labelEn: 'Limited family resources',
    descriptionDa: 'Familien har få sociale, uddannelsesmæssige eller økonomiske ressourcer at trække på.',
    descriptionEn: 'The family has few social, educational or financial resources to draw on.',
    evidenceNote: 'Few resources narrow the child’s opportunities in school and leisure.',
  }),
  risk({
    code: 'R-HOUSING-INSTABILITY',
    domain: 'familyNetwork',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Ustabil bolig eller økonomi',
    labelEn: 'Unstable housing or finances',
    descriptionDa: 'Familien flytter ofte, er truet af udsættelse eller har alvorlige pengeproblemer.',
    descriptionEn: 'The family moves often, faces eviction or has serious money problems.',
    evidenceNote: 'Frequent moves and money worries break the child’s routines and relationships.',
  }),
  // School and daycare.
  risk({
    code: 'R-WEAK-READING',
    domain: 'schoolDaycare',
    ageFrom: 6,
    ageTo: 17,
    labelDa: 'Svage sprog- og læsefærdigheder',
    labelEn: 'Weak language and reading skills',
    descriptionDa: 'Barnet læser eller udtrykker sig tydeligt under det, klassetrinnet forventer.',
    descriptionEn: 'The child reads or expresses themselves clearly below what the grade expects.',
    evidenceNote: 'Weak reading makes every subject harder and is linked to dropping out later.',
  }),
  risk({
    code: 'R-ABSENCE',
    domain: 'schoolDaycare',
    ageFrom: 6,
    ageTo: 17,
    labelDa: 'Fravær',
    labelEn: 'Absence',
    descriptionDa: 'Barnet har et stigende eller højt fravær fra skolen.',
    descriptionEn: 'The child has rising or high absence from school.',
    evidenceNote: 'Absence is often the first visible sign of low wellbeing, and it feeds itself.',
    themes: { demo: ['laering', 'sundhed-trivsel'] },
  }),
  risk({
    code: 'R-EXCLUDED',
    domain: 'schoolDaycare',
    ageFrom: 3,
    ageTo: 17,
    labelDa: 'Udenfor fællesskabet',
    labelEn: 'Excluded from the group',
    descriptionDa: 'Barnet står uden for legen eller klassens fællesskab.',
    descriptionEn: 'The child is left out of play or of the class community.',
    evidenceNote:
      'Being outside the group is painful in itself and shuts the child off from learning with others.',
    themes: { demo: ['laering', 'faellesskaber'], nabo: ['nysgerrighed', 'faellesskab'] },
  }),
  risk({
    code: 'R-BULLYING',
    domain: 'schoolDaycare',
    ageFrom: 5,
    ageTo: 17,
    labelDa: 'Mobning',
    labelEn: 'Bullying',
    descriptionDa: 'Barnet bliver gentagne gange holdt udenfor, drillet eller krænket af andre børn.',
    descriptionEn: 'The child is repeatedly left out, teased or violated by other children.',
    evidenceNote: 'Bullying is linked to anxiety, depression and absence, also years later.',
    themes: { demo: ['laering', 'tryg-opvaekst'], nabo: ['nysgerrighed', 'tryghed'] },
  }),
  // The child itself.
  risk({
    code: 'R-PREMATURE',
    domain: 'development',
    ageFrom: 0,
    ageTo: 5,
    labelDa: 'For tidligt født',
    labelEn: 'Born prematurely',
    descriptionDa: 'Barnet er født for tidligt eller med meget lav fødselsvægt.',
    descriptionEn: 'The child was born early or with a very low birth weight.',
    evidenceNote: 'Prematurity raises the risk of delays in motor, language and social development.',
  }),
  risk({
    code: 'R-WEAK-LANGUAGE',
    domain: 'development',
    ageFrom: 1,
    ageTo: 12,
    labelDa: 'Svag sproglig eller social udvikling',
    labelEn: 'Weak language or social skills',
    descriptionDa: 'Barnets sprog eller samspil med andre er tydeligt bagud for alderen.',
    descriptionEn: 'The child’s language or interaction with others lags clearly behind their age.',
    evidenceNote: 'Early language and social skills lay the ground for learning and friendships.',
  }),
  risk({
    code: 'R-IMPULSIVITY',
    domain: 'development',
    ageFrom: 3,
    ageTo: 17,
    labelDa: 'Impulsivitet',
    labelEn: 'Impulsivity',
    descriptionDa: 'Barnet handler ofte før det tænker og har svært ved at vente og holde fokus.',
    descriptionEn: 'The child often acts before thinking and finds it hard to wait and keep focus.',
    evidenceNote: 'Marked impulsivity is linked to conflicts, accidents and trouble in school.',
  }),
  risk({
    code: 'R-AGGRESSION',
    domain: 'development',
    ageFrom: 3,
    ageTo: 17,
    labelDa: 'Aggressiv adfærd',
    labelEn: 'Aggressive behaviour',
    descriptionDa: 'Barnet slår, truer eller ødelægger ting, oftere end alderen kan forklare.',
    descriptionEn: 'The child hits, threatens or breaks things more often than their age explains.',
    evidenceNote: 'Early aggression that lasts predicts later conduct problems.',
  }),
  risk({
    code: 'R-WITHDRAWAL',
    domain: 'development',
    ageFrom: 3,
    ageTo: 17,
    labelDa: 'Tilbagetrækning',
    labelEn: 'Withdrawal',
    descriptionDa: 'Barnet trækker sig fra andre, er stille og indesluttet eller virker trist.',
    descriptionEn: 'The child pulls away from others, is quiet and closed or seems sad.',
    evidenceNote: 'Quiet low wellbeing is easily overlooked, which is why it needs asking about.',
  }),
  risk({
    code: 'R-LOST-RELATIONS',
    domain: 'development',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Tab af nære relationer',
    labelEn: 'Loss of close relationships',
    descriptionDa:
      'Barnet har for nylig mistet kontakten til en vigtig voksen eller ven, fx ved skilsmisse eller flytning.',
    descriptionEn:
      'The child recently lost contact with an important adult or friend, e.g. through divorce or a move.',
    evidenceNote: 'Broken relationships remove the people a child would turn to for support.',
  }),
  risk({
    code: 'R-SUBSTANCE-USE',
    domain: 'development',
    ageFrom: 12,
    ageTo: 17,
    labelDa: 'Eget brug af rusmidler',
    labelEn: 'Own substance use',
    descriptionDa: 'Den unge drikker meget, ryger hash eller tager andre stoffer.',
    descriptionEn: 'The young person drinks heavily, smokes cannabis or takes other drugs.',
    evidenceNote: 'Early substance use harms the developing brain and school completion.',
  }),
  // Peers, leisure and the local community.
  risk({
    code: 'R-ANTISOCIAL-PEERS',
    domain: 'peersLeisure',
    ageFrom: 10,
    ageTo: 17,
    labelDa: 'Antisociale kammerater',
    labelEn: 'Antisocial peers',
    descriptionDa: 'Den unge bruger meget tid med kammerater, der begår kriminalitet eller bruger rusmidler.',
    descriptionEn: 'The young person spends much time with friends who commit crime or use drugs.',
    evidenceNote: 'Peers who break rules strongly shape a young person’s own behaviour.',
  }),
  risk({
    code: 'R-DRUG-AVAILABILITY',
    domain: 'community',
    ageFrom: 12,
    ageTo: 17,
    labelDa: 'Let adgang til rusmidler',
    labelEn: 'Easy access to drugs',
    descriptionDa: 'Alkohol og stoffer er let tilgængelige i den unges omgivelser.',
    descriptionEn: 'Alcohol and drugs are easy to get hold of around the young person.',
    evidenceNote: 'Easy access lowers the threshold for trying and for regular use.',
  }),
  risk({
    code: 'R-NEIGHBOURHOOD',
    domain: 'community',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Uro og utryghed i nærområdet',
    labelEn: 'Neighbourhood disorder',
    descriptionDa: 'Der er hærværk, kriminalitet eller utryghed i det område, hvor barnet bor.',
    descriptionEn: 'There is vandalism, crime or insecurity in the area where the child lives.',
    evidenceNote: 'A disordered neighbourhood offers fewer safe places and more bad examples.',
  }),
  // Protective: school and daycare.
  protective({
    code: 'P-QUALITY-DAYCARE',
    domain: 'schoolDaycare',
    ageFrom: 0,
    ageTo: 6,
    labelDa: 'Dagtilbud af høj kvalitet',
    labelEn: 'Quality daycare',
    descriptionDa: 'Barnet går i et dagtilbud med stabile, nærværende voksne og et stimulerende miljø.',
    descriptionEn: 'The child attends daycare with stable, attentive adults and a stimulating setting.',
    evidenceNote: 'Good daycare evens out differences from home, most of all for vulnerable children.',
  }),
  protective({
    code: 'P-SCHOOL-START',
    domain: 'schoolDaycare',
    ageFrom: 5,
    ageTo: 7,
    labelDa: 'God overgang til skole',
    labelEn: 'Good transition to school',
    descriptionDa: 'Overgangen fra dagtilbud til skole er forberedt og fulgt op, så barnet falder godt til.',
    descriptionEn:
      'The move from daycare to school is prepared and followed up, so the child settles in well.',
    evidenceNote: 'A good start in school shapes the child’s view of school for years.',
  }),
  protective({
    code: 'P-SCHOOL-LIFE',
    domain: 'schoolDaycare',
    ageFrom: 6,
    ageTo: 17,
    labelDa: 'Et godt skoleliv',
    labelEn: 'A good school life',
    descriptionDa: 'Barnet trives i skolen, lærer og har gode relationer til lærere og klassekammerater.',
    descriptionEn: 'The child thrives at school, learns and has good relations with teachers and classmates.',
    evidenceNote: 'Attachment to school protects against absence, crime and substance use.',
  }),
  protective({
    code: 'P-EXPECTATIONS',
    domain: 'schoolDaycare',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Voksnes positive forventninger',
    labelEn: 'Adults’ positive expectations',
    descriptionDa: 'De voksne omkring barnet tror på og forventer, at barnet kan lykkes.',
    descriptionEn: 'The adults around the child believe in the child and expect them to succeed.',
    evidenceNote: 'Children tend to live up to what trusted adults expect of them.',
    themes: { demo: ['laering', 'tryg-opvaekst'], nabo: ['nysgerrighed', 'mod'] },
  }),
  // Protective: the child itself.
  protective({
    code: 'P-AGE-FITTING',
    domain: 'development',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Alderssvarende funktion',
    labelEn: 'Age-fitting functioning',
    descriptionDa: 'Barnet udvikler sig og klarer hverdagen, som man kan forvente i alderen.',
    descriptionEn: 'The child develops and copes with daily life as can be expected at their age.',
    evidenceNote: 'Age-fitting development is the best single sign that the child is doing well.',
  }),
  protective({
    code: 'P-COHERENCE',
    domain: 'development',
    ageFrom: 6,
    ageTo: 17,
    labelDa: 'Oplevelse af sammenhæng',
    labelEn: 'Sense of coherence',
    descriptionDa: 'Barnet oplever hverdagen som forståelig, håndterbar og meningsfuld.',
    descriptionEn: 'The child experiences daily life as understandable, manageable and meaningful.',
    evidenceNote: 'A strong sense of coherence helps children handle strain without breaking down.',
  }),
  protective({
    code: 'P-MASTERY',
    domain: 'development',
    ageFrom: 4,
    ageTo: 17,
    labelDa: 'Hobbyer og mestring',
    labelEn: 'Hobbies and mastery',
    descriptionDa: 'Barnet har noget, det er optaget af og oplever at blive god til.',
    descriptionEn: 'The child has something they care about and feel they are getting good at.',
    evidenceNote: 'Experiences of mastery build self-efficacy that carries into school and friendships.',
    themes: { demo: ['sundhed-trivsel', 'faellesskaber'], nabo: ['mod', 'faellesskab'] },
  }),
  protective({
    code: 'P-OPTIMISM',
    domain: 'development',
    ageFrom: 6,
    ageTo: 17,
    labelDa: 'Optimisme',
    labelEn: 'Optimism',
    descriptionDa: 'Barnet har tro på, at tingene nok skal gå, og ser frem til noget.',
    descriptionEn: 'The child trusts that things will work out and looks forward to something.',
    evidenceNote: 'Hope and optimism help children keep going when things are hard.',
  }),
  protective({
    code: 'P-SELF-IMAGE',
    domain: 'development',
    ageFrom: 4,
    ageTo: 17,
    labelDa: 'Positivt selvbillede',
    labelEn: 'Positive self-image',
    descriptionDa: 'Barnet har et godt billede af sig selv og sine egne evner.',
    descriptionEn: 'The child has a good view of themselves and their own abilities.',
    evidenceNote: 'A positive self-image protects against anxiety, depression and peer pressure.',
  }),
  protective({
    code: 'P-SOCIAL-SKILLS',
    domain: 'development',
    ageFrom: 3,
    ageTo: 17,
    labelDa: 'Gode social-kognitive færdigheder',
    labelEn: 'Good social-cognitive skills',
    descriptionDa: 'Barnet kan sætte sig i andres sted, løse konflikter og indgå i samspil.',
    descriptionEn:
      'The child can take others’ perspective, resolve conflicts and take part in play and work.',
    evidenceNote: 'Social-cognitive skills make friendships possible and reduce conflicts.',
  }),
  protective({
    code: 'P-TEMPERAMENT',
    domain: 'development',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Afbalanceret temperament',
    labelEn: 'Balanced temperament',
    descriptionDa: 'Barnet er overvejende roligt og kan finde tilbage til balance efter modgang.',
    descriptionEn: 'The child is mostly calm and can regain balance after setbacks.',
    evidenceNote: 'An even temperament makes it easier for adults and peers to give support.',
  }),
  protective({
    code: 'P-LANGUAGE',
    domain: 'development',
    ageFrom: 0,
    ageTo: 12,
    labelDa: 'God sprogudvikling',
    labelEn: 'Good language development',
    descriptionDa: 'Barnets sprog udvikler sig alderssvarende, så det kan udtrykke sig og forstå andre.',
    descriptionEn:
      'The child’s language develops as expected, so they can express themselves and understand others.',
    evidenceNote: 'Language is the key to learning, play and asking for help.',
    themes: { demo: ['laering', 'sundhed-trivsel'], nabo: ['nysgerrighed'] },
  }),
  // Protective: the family and its network.
  protective({
    code: 'P-PARENTS-KNOW',
    domain: 'parenting',
    ageFrom: 8,
    ageTo: 17,
    labelDa: 'Forældre ved, hvor og med hvem',
    labelEn: 'Parents know where and with whom',
    descriptionDa: 'Forældrene ved, hvor barnet er, og hvem det er sammen med.',
    descriptionEn: 'The parents know where the child is and who they are with.',
    evidenceNote: 'Parental awareness is one of the strongest protections against crime and substance use.',
  }),
  protective({
    code: 'P-PARENTS-NETWORK',
    domain: 'parenting',
    ageFrom: 6,
    ageTo: 17,
    labelDa: 'Forældre kender vennernes forældre',
    labelEn: 'Parents know the friends’ parents',
    descriptionDa: 'Forældrene kender og taler med forældrene til barnets venner.',
    descriptionEn: 'The parents know and talk with the parents of the child’s friends.',
    evidenceNote: 'Parents who talk together agree on limits and notice trouble early.',
  }),
  protective({
    code: 'P-SUPPORTIVE-ADULTS',
    domain: 'familyNetwork',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Støttende voksne og gode rollemodeller',
    labelEn: 'Supportive adults and positive role models',
    descriptionDa: 'Barnet har voksne uden for hjemmet, det kan gå til og se op til.',
    descriptionEn: 'The child has adults outside the home they can turn to and look up to.',
    evidenceNote: 'One stable, caring adult can make a decisive difference to a child at risk.',
  }),
  protective({
    code: 'P-LABOUR-MARKET',
    domain: 'familyNetwork',
    ageFrom: 0,
    ageTo: 17,
    labelDa: 'Forældres tilknytning til arbejdsmarkedet',
    labelEn: 'Parents attached to the labour market',
    descriptionDa: 'Mindst én forælder er i arbejde eller uddannelse.',
    descriptionEn: 'At least one parent is in work or education.',
    evidenceNote: 'Parents in work give the family income, structure and a model for the child.',
  }),
  // Protective: peers, leisure and the local community.
  protective({
    code: 'P-ORGANISED-LEISURE',
    domain: 'peersLeisure',
    ageFrom: 5,
    ageTo: 17,
    labelDa: 'Organiseret fritidsaktivitet',
    labelEn: 'Organised leisure activity',
    descriptionDa: 'Barnet går fast til en sport, et kor, spejder eller en anden organiseret aktivitet.',
    descriptionEn: 'The child regularly takes part in a sport, choir, scouts or another organised activity.',
    evidenceNote: 'Organised leisure gives friends, adult role models and a sense of belonging.',
  }),
  protective({
    code: 'P-ACTIVE-LEISURE',
    domain: 'peersLeisure',
    ageFrom: 3,
    ageTo: 17,
    labelDa: 'Aktivt fritidsliv',
    labelEn: 'Active leisure life',
    descriptionDa: 'Barnet har en fritid med leg, venner og aktiviteter uden for skærmen.',
    descriptionEn: 'The child has leisure time with play, friends and activities away from screens.',
    evidenceNote: 'An active leisure life is itself a protective factor, not only a way to others.',
  }),
  protective({
    code: 'P-LEISURE-JOB',
    domain: 'peersLeisure',
    ageFrom: 13,
    ageTo: 17,
    labelDa: 'Fritidsjob',
    labelEn: 'Leisure job',
    descriptionDa: 'Den unge har et fritidsjob med faste aftaler og voksne kolleger.',
    descriptionEn: 'The young person has a leisure job with fixed hours and adult colleagues.',
    evidenceNote: 'A leisure job gives responsibility, own money and a foothold in working life.',
    themes: { demo: ['faellesskaber', 'medborgerskab'], nabo: ['faellesskab', 'ansvar'] },
  }),
  protective({
    code: 'P-INCLUSION',
    domain: 'community',
    ageFrom: 3,
    ageTo: 17,
    labelDa: 'Inklusion og tryghed i skolen og nærområdet',
    labelEn: 'Inclusion and safety at school and locally',
    descriptionDa: 'Barnet føler sig velkommen og tryg i skolen og der, hvor det bor.',
    descriptionEn: 'The child feels welcome and safe at school and where they live.',
    evidenceNote: 'Feeling included and safe makes it possible to learn, play and ask for help.',
  }),
];

/** Every seeded municipality uses the demo catalogue; Nabo Kommune rolls it up by its own values. */
export function themeSetFor(slug: string): TThemeSet {
  return slug === 'nabo' ? 'nabo' : 'demo';
}

export function catalogueFactors(themeSet: TThemeSet): TCatalogueFactor[] {
  return DEMO_FACTORS.map((f, bit) => ({
    ...f,
    bit,
    themeCodes: f.themes?.[themeSet] ?? THEMES_BY_DOMAIN[themeSet][f.domain],
  }));
}

export interface TSeededCatalogue {
  catalogueId: string;
  themes: { id: string; code: string }[];
  /** In bit order, with their database ids. */
  factors: (TCatalogueFactor & { id: string })[];
}

/**
 * The municipality's policy themes and a published version 1 of the demo catalogue. Factors and their
 * themes go in while the version is a draft: once published, triggers refuse any change to them.
 */
export async function seedFactorCatalogue(
  q: Queryable,
  municipalityId: string,
  slug: string,
): Promise<TSeededCatalogue> {
  const themeSet = themeSetFor(slug);
  const themes = POLICY_THEMES[themeSet].map((t, i) => ({
    municipality_id: municipalityId,
    id: randomUUID(),
    code: t.code,
    name_da: t.nameDa,
    name_en: t.nameEn,
    sort_order: i + 1,
  }));
  await insertRows(
    q,
    'policy_themes',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      code: 'text',
      name_da: 'text',
      name_en: 'text',
      sort_order: 'integer',
    },
    themes,
  );
  const catalogueId = randomUUID();
  await q.query(
    `INSERT INTO factor_catalogues (municipality_id, id, version, status) VALUES ($1, $2, 1, 'draft')`,
    [municipalityId, catalogueId],
  );
  const factors = catalogueFactors(themeSet).map((f) => ({ ...f, id: randomUUID() }));
  await insertRows(
    q,
    'factors',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      catalogue_id: 'uuid',
      code: 'text',
      kind: 'factor_kind',
      domain: 'factor_domain',
      age_from: 'smallint',
      age_to: 'smallint',
      label_da: 'text',
      label_en: 'text',
      description_da: 'text',
      description_en: 'text',
      evidence_note: 'text',
      bit: 'smallint',
    },
    factors.map((f) => ({
      municipality_id: municipalityId,
      id: f.id,
      catalogue_id: catalogueId,
      code: f.code,
      kind: f.kind,
      domain: f.domain,
      age_from: f.ageFrom,
      age_to: f.ageTo,
      label_da: f.labelDa,
      label_en: f.labelEn,
      description_da: f.descriptionDa,
      description_en: f.descriptionEn,
      evidence_note: f.evidenceNote,
      bit: f.bit,
    })),
  );
  const themeId = new Map(themes.map((t) => [t.code, t.id]));
  await insertRows(
    q,
    'factor_themes',
    { municipality_id: 'uuid', factor_id: 'uuid', theme_id: 'uuid' },
    factors.flatMap((f) =>
      f.themeCodes.map((code) => {
        const id = themeId.get(code);
        if (!id) throw new Error(`Factor ${f.code} names theme ${code}, which ${slug} does not have`);
        return { municipality_id: municipalityId, factor_id: f.id, theme_id: id };
      }),
    ),
  );
  await q.query(
    `UPDATE factor_catalogues SET status = 'published', published_at = now()
      WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, catalogueId],
  );
  return { catalogueId, themes: themes.map((t) => ({ id: t.id, code: t.code })), factors };
}
