import { MIN_CELL } from './suppression.ts';

/**
 * The measurement parameter's definition, shown next to every figure (docs/domain.md): leaders steer
 * by these numbers, so each must say in plain words what it counts and what it leaves out.
 * The texts follow the rules implemented beside this file; change them together.
 */
export const DEFINITION_TERMS = [
  'parameter',
  'protectiveShare',
  'riskLoad',
  'persistence',
  'n',
  'ci95',
  'coverage',
  'suppression',
  'significance',
] as const;
export type TDefinitionTerm = (typeof DEFINITION_TERMS)[number];
export type TDefinitionLocale = 'da' | 'en';

export interface TDefinitionText {
  label: string;
  text: string;
}

const da: Record<TDefinitionTerm, TDefinitionText> = {
  parameter: {
    label: 'Måleparameteren',
    text:
      'Måleparameteren viser, hvad der beskytter børnene, og hvilke risici de står i. Den bygger på den seneste ' +
      'fælles trivselsvurdering af hvert barn og vises altid med antal børn, usikkerhed og dækning.',
  },
  protectiveShare: {
    label: 'Beskyttelsesandel',
    text:
      'Andelen af de vurderede beskyttelsesfaktorer, som er til stede hos barnet. Faktorer vurderet som ' +
      '"ved ikke" tæller slet ikke med. Er ingen beskyttelsesfaktorer vurderet, har barnet ingen ' +
      'beskyttelsesandel. For et tema tæller kun temaets beskyttelsesfaktorer. For en gruppe vises ' +
      'gennemsnittet af børnenes andele.',
  },
  riskLoad: {
    label: 'Risikobelastning',
    text:
      'Antallet af risikofaktorer, som er til stede hos barnet ved den seneste fælles vurdering. ' +
      'Risiko vejer tungere, jo flere faktorer der optræder samtidig.',
  },
  persistence: {
    label: 'Varighed',
    text:
      'For hver risikofaktor: i hvor mange fælles vurderinger i træk, til og med den seneste, faktoren har ' +
      'været til stede. En vurdering med "ved ikke" afbryder rækken, fordi vi kun tæller det, der er set. ' +
      'Risiko vejer tungere, jo længere den varer.',
  },
  n: {
    label: 'n (antal børn)',
    text:
      'Antallet af forskellige børn med en aktuel fælles vurdering i gruppen: hvert barn tælles én gang, i den ' +
      'enhed og aldersgruppe, det havde på periodens tælledag (1. marts for første halvår, 1. september for ' +
      'andet halvår). Et barn, der først kom til efter tælledagen, tælles fra næste periode. Perioder lægges ' +
      'aldrig sammen: hver periode vises for sig.',
  },
  ci95: {
    label: '95 %-konfidensinterval',
    text:
      'Intervallet viser, hvor sikkert gennemsnittet er: det er beregnet, så det mindst 95 ud af 100 gange ' +
      'rummer det sande gennemsnit, også når der er få børn. Det bygger kun på antallet af børn og ' +
      'gennemsnittet og regner med den største usikkerhed, en andel mellem 0 og 1 kan have ' +
      '(Clopper–Pearson-intervallet), så det er bredere end strengt nødvendigt, når børnenes andele ligger ' +
      'tæt. Jo færre børn, jo bredere interval; også når alle børn har samme andel, er der et interval. ' +
      'Under 2 børn er der intet interval, og der står "interval ikke tilgængeligt".',
  },
  coverage: {
    label: 'Dækning',
    text:
      'Andelen af børnene i gruppen på periodens tælledag, som har en aktuel fælles vurdering: n delt med ' +
      'antallet af børn, der var indskrevet i enheden og i aldersgruppen den dag. Begge tal tælles på samme ' +
      'dag, så dækningen aldrig overstiger 100 %. En periode uden fælles vurderinger endnu indgår ikke, og ' +
      'svaret siger det. Ved lav dækning kan tallet være skævt: er kun de børn vurderet, som nogen er ' +
      'bekymret for, ser beskyttelsen lavere ud, end den er.',
  },
  suppression: {
    label: 'Skjulte tal (diskretionering)',
    text:
      `Tal, der bygger på færre end ${MIN_CELL} børn, vises ikke ("n < ${MIN_CELL}"), så intet barn kan genkendes. ` +
      'Kunne et skjult tal regnes ud af de viste – også på tværs af opdelinger og filtre – skjules også andre ' +
      'tal ("skjult for at beskytte en anden celle"). Tal inden i et skjult tal vises slet ikke. Filtre vælger ' +
      'tal ud; de lægger aldrig tal sammen, så perioder, temaer og enheder opgøres hver for sig.',
  },
  significance: {
    label: 'Signifikant ændring',
    text:
      'En ændring kaldes kun signifikant, når de to 95 %-konfidensintervaller ikke overlapper – når ' +
      'intervallerne siger det. Intervaller, der netop rører hinanden, tæller som overlap, og uden interval ' +
      'er ingen ændring signifikant. Reglen er forsigtig: når intet har ændret sig, markeres en ændring langt ' +
      'sjældnere end 5 gange ud af 100. Prisen er, at en reel ændring ofte ikke markeres: selv en ændring på ' +
      '15 procentpoint markeres sjældent, før der er omkring 200 børn i hver periode.',
  },
};

const en: Record<TDefinitionTerm, TDefinitionText> = {
  parameter: {
    label: 'The measurement parameter',
    text:
      'The measurement parameter shows what protects the children and which risks they face. It is built ' +
      "from each child's latest joint wellbeing assessment and is always shown with the number of children, " +
      'the uncertainty and the coverage.',
  },
  protectiveShare: {
    label: 'Protective share',
    text:
      'The share of assessed protective factors that are present for the child. Factors marked "not known" ' +
      'are left out entirely. If no protective factor was assessed, the child has no protective share. For a ' +
      "theme, only that theme's protective factors count. For a group, the figure is the average of the " +
      "children's shares.",
  },
  riskLoad: {
    label: 'Risk load',
    text:
      'The number of risk factors present for the child at the latest joint assessment. Risk weighs more ' +
      'the more factors occur together.',
  },
  persistence: {
    label: 'Persistence',
    text:
      'For each risk factor: in how many consecutive joint assessments, up to and including the latest, it ' +
      'has been present. An assessment marked "not known" ends the run, because we only count what was ' +
      'observed. Risk weighs more the longer it lasts.',
  },
  n: {
    label: 'n (number of children)',
    text:
      'The number of different children with a current joint assessment in the group: each child counts ' +
      "once, in the unit and age band it had on the period's reference date (1 March for the first half-year, " +
      '1 September for the second). A child who arrived after the reference date counts from the next period. ' +
      'Periods are never added together: each period is shown on its own.',
  },
  ci95: {
    label: '95 % confidence interval',
    text:
      'The interval shows how certain the average is: it is calculated so that at least 95 times out of 100 ' +
      'it contains the true average, also when there are few children. It uses only the number of children ' +
      'and the average and allows for the largest uncertainty a share between 0 and 1 can have (the ' +
      "Clopper–Pearson interval), so it is wider than strictly needed when the children's shares lie close " +
      'together. The fewer the children, the wider the interval; even when all children have the same ' +
      'share there is an interval. Fewer than 2 children give no interval, shown as "interval not available".',
  },
  coverage: {
    label: 'Coverage',
    text:
      "The share of the group's children on the period's reference date who have a current joint " +
      'assessment: n divided by the number of children enrolled in the unit and in the age band that day. ' +
      'Both are counted on the same day, so coverage never exceeds 100 %. A period with no joint assessments ' +
      'yet is left out, and the answer says so. With low coverage the figure may be biased: if only children ' +
      'someone is worried about were assessed, protection looks lower than it is.',
  },
  suppression: {
    label: 'Hidden figures (suppression)',
    text:
      `Figures based on fewer than ${MIN_CELL} children are not shown ("n < ${MIN_CELL}"), so no child can be ` +
      'recognised. If a hidden figure could be worked out from the shown ones – also across groupings and ' +
      'filters – other figures are hidden too ("hidden to protect another cell"). Figures inside a hidden one ' +
      'are not listed at all. Filters pick figures out; they never add figures up, so periods, themes and ' +
      'units are counted each on their own.',
  },
  significance: {
    label: 'Significant change',
    text:
      'A change is called significant only when the two 95 % confidence intervals do not overlap – when the ' +
      'intervals say so. Intervals that just touch count as overlapping, and without an interval no change is ' +
      'significant. The rule is cautious: when nothing has changed, a change is marked far less often than 5 ' +
      'times in 100. The price is that a real change often goes unmarked: even a change of 15 percentage ' +
      'points is rarely marked until there are about 200 children in each period.',
  },
};

const frozen = (texts: Record<TDefinitionTerm, TDefinitionText>) => {
  for (const t of Object.values(texts)) Object.freeze(t);
  return Object.freeze(texts);
};

export const MEASUREMENT_DEFINITION: Readonly<
  Record<TDefinitionLocale, Readonly<Record<TDefinitionTerm, Readonly<TDefinitionText>>>>
> = Object.freeze({ da: frozen(da), en: frozen(en) });
