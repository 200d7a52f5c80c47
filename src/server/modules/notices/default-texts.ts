import type { TLocale } from '../../../shared/i18n/errors.ts';
import type { TNoticeAudience, TNoticeKind, TNoticeSections } from '../../../shared/schemas/notices.ts';

/**
 * The texts Beskyt ships: a starting point the municipality reads with its data-protection adviser, edits
 * and publishes as its own (publish-notice-text.ts). Until it does, these are what the letters say. Plain
 * words, short sentences; the child's version speaks to the child. Every element of NOTICE_ELEMENTS is
 * named, so a default always passes the rule a published text must pass.
 */

type TKindWords = Pick<TNoticeSections, 'intro' | 'categories' | 'purpose' | 'legalBasis' | 'recipients'>;

const GUARDIAN_DA: Record<TNoticeKind, TKindWords> = {
  round: {
    intro:
      'Alle børn i dagtilbud og skole bliver set på i en trivselsvurdering to gange om året. Vi skriver til dig, før eller når runden begynder, så du kan spørge, før noget bliver skrevet ned.',
    categories:
      'Barnets navn, alder og dagtilbud eller skole. Om barnet trives (grøn, gul eller rød). De forhold omkring barnet, der beskytter eller er en risiko, fx venskaber, fravær og sprog. Hvad barnet selv siger, og hvad I som forældre siger.',
    purpose:
      'Vi vil opdage tidligt, hvis et barn ikke trives, og hjælpe i tide sammen med jer. Kommunen bruger også tallene uden navne til at følge, om børnene i kommunen trives bedre.',
    legalBasis:
      'Vi udfører en opgave i samfundets interesse og som myndighed (databeskyttelsesforordningens artikel 6, stk. 1, litra e). Opgaven følger af barnets lov om det forebyggende arbejde og af reglerne for dagtilbud og skole. Følsomme oplysninger, fx om helbred, behandles efter artikel 9, stk. 2, litra g og h, og databeskyttelseslovens § 7.',
    recipients:
      'Pædagoger, lærere og ledere i barnets dagtilbud eller skole. Sundhedsplejen og PPR, når de er med i vurderingen. Kommunens analytikere ser kun tal uden navne.',
  },
  concern: {
    intro:
      'En fagperson omkring dit barn har skrevet en bekymring ned i Beskyt. Vi skriver til dig, så du ved, hvad der er registreret, og hvad du har ret til.',
    categories:
      'Barnets navn og alder. De tegn, fagpersonen har set, en kort beskrivelse og den handling, der er valgt. Hvilken fagperson og enhed, der har skrevet bekymringen.',
    purpose:
      'Vi vil hjælpe barnet tidligt og sammen med jer. Bekymringen gør det muligt at følge op og at tale med jer om, hvad der kan hjælpe.',
    legalBasis:
      'Vi udfører en opgave som myndighed (databeskyttelsesforordningens artikel 6, stk. 1, litra e) efter barnets lov om det forebyggende arbejde og om fagpersoners pligt til at handle, når de er bekymrede for et barn. Følsomme oplysninger behandles efter artikel 9, stk. 2, litra g og h, og databeskyttelseslovens §§ 7 og 8.',
    recipients:
      'Fagpersoner og ledere i barnets dagtilbud eller skole. Barnets koordinator. Kommunens børne- og familieafdeling, hvis bekymringen fører til en underretning.',
  },
  meetingItem: {
    intro:
      'Dit barn skal drøftes på et tværfagligt møde, hvor fagpersoner fra fx skole, dagtilbud, sundhedspleje, PPR og kommunens børne- og familieafdeling taler om, hvordan barnet kan få hjælp.',
    categories:
      'Barnets navn og alder, hvad fagpersonerne er bekymrede for, hvad der går godt, og hvad der skal ske. Referatet af drøftelsen og aftalte handlinger.',
    purpose:
      'At fagpersonerne sammen kan finde den rette hjælp til barnet tidligt, i stedet for hver for sig.',
    legalBasis:
      'Drøftelsen sker enten med jeres samtykke (databeskyttelsesforordningens artikel 6, stk. 1, litra a, og artikel 9, stk. 2, litra a) eller efter reglerne i barnets lov om udveksling af oplysninger i det tidlige forebyggende samarbejde (artikel 6, stk. 1, litra e). Brevet siger, hvilket grundlag vi bruger for dit barn.',
    recipients:
      'De fagpersoner, der deltager i mødet: fx lærer, pædagog, sundhedsplejerske, PPR og rådgiver fra kommunens børne- og familieafdeling.',
  },
  referral: {
    intro:
      'Dit barn er henvist til et tilbud, fx en fritidsaktivitet eller en forening. Vi skriver til dig, så du ved, hvad tilbuddet får at vide.',
    categories:
      'Barnets navn og alder, hvilket tilbud barnet er henvist til og hvorfor, og om barnet er startet.',
    purpose: 'At barnet kommer godt i gang i tilbuddet, og at vi kan følge op på, om det hjælper.',
    legalBasis:
      'Vi udfører en opgave som myndighed efter barnets lov om forebyggende tilbud (databeskyttelsesforordningens artikel 6, stk. 1, litra e). Oplysninger til en forening gives kun med jeres samtykke (artikel 6, stk. 1, litra a).',
    recipients: 'Den fagperson, der henviser, og den kontaktperson i tilbuddet, som tager imod barnet.',
  },
  networkPerson: {
    intro:
      'En person fra jeres netværk er skrevet ind i Beskyt som en, der kan støtte barnet. Vi skriver til dig, så du ved, hvad der er registreret.',
    categories: 'Personens navn, kontaktoplysninger og forhold til barnet, og hvilken støtte personen giver.',
    purpose: 'At barnets netværk kan inddrages i hjælpen, og at fagpersonerne ved, hvem der støtter barnet.',
    legalBasis:
      'Vi udfører en opgave som myndighed efter barnets lov om inddragelse af barnets netværk (databeskyttelsesforordningens artikel 6, stk. 1, litra e).',
    recipients: 'Barnets rådgiver og de fagpersoner, der arbejder med barnet.',
  },
};

const GUARDIAN_EN: Record<TNoticeKind, TKindWords> = {
  round: {
    intro:
      'Twice a year every child in daycare and school is looked at in a wellbeing assessment. We write to you before or when the round begins, so you can ask questions before anything is written down.',
    categories:
      'Your child’s name, age and daycare or school. Whether your child is thriving (green, yellow or red). The things around your child that protect or pose a risk, such as friendships, absence and language. What your child says, and what you as parents say.',
    purpose:
      'We want to notice early if a child is not thriving, and help in time together with you. The municipality also uses the figures, without names, to follow whether children in the municipality are thriving better.',
    legalBasis:
      'We carry out a task in the public interest and as a public authority (General Data Protection Regulation, Article 6(1)(e)). The task follows from the Children’s Act on preventive work and from the rules for daycare and school. Sensitive data, such as health, is processed under Article 9(2)(g) and (h) and section 7 of the Danish Data Protection Act.',
    recipients:
      'Pedagogues, teachers and leaders in your child’s daycare or school. Health visitors and educational psychologists when they take part. The municipality’s analysts only see figures without names.',
  },
  concern: {
    intro:
      'A professional around your child has recorded a concern in Beskyt. We write so that you know what has been recorded and what your rights are.',
    categories:
      'Your child’s name and age. The signs the professional has seen, a short description and the action chosen. Which professional and unit recorded the concern.',
    purpose:
      'We want to help your child early and together with you. The concern makes it possible to follow up and to talk with you about what may help.',
    legalBasis:
      'We carry out a task as a public authority (General Data Protection Regulation, Article 6(1)(e)) under the Children’s Act on preventive work and on the duty of professionals to act when they are concerned about a child. Sensitive data is processed under Article 9(2)(g) and (h) and sections 7 and 8 of the Danish Data Protection Act.',
    recipients:
      'Professionals and leaders in your child’s daycare or school. Your child’s coordinator. The municipality’s children and families department if the concern leads to a notification.',
  },
  meetingItem: {
    intro:
      'Your child will be discussed at an interdisciplinary meeting, where professionals from school, daycare, health visiting, educational psychology and the municipality’s children and families department talk about how your child can get help.',
    categories:
      'Your child’s name and age, what the professionals are concerned about, what is going well and what should happen next. The minutes of the discussion and the actions agreed.',
    purpose:
      'That the professionals together find the right help for your child early, rather than each on their own.',
    legalBasis:
      'The discussion takes place either with your consent (General Data Protection Regulation, Article 6(1)(a) and Article 9(2)(a)) or under the Children’s Act rules on sharing information in early preventive cooperation (Article 6(1)(e)). The letter says which basis we use for your child.',
    recipients:
      'The professionals taking part in the meeting: for example a teacher, pedagogue, health visitor, educational psychologist and caseworker.',
  },
  referral: {
    intro:
      'Your child has been referred to an offer, such as a leisure activity or an association. We write so that you know what the offer is told.',
    categories:
      'Your child’s name and age, which offer your child is referred to and why, and whether your child has started.',
    purpose:
      'That your child gets off to a good start in the offer, and that we can follow up on whether it helps.',
    legalBasis:
      'We carry out a task as a public authority under the Children’s Act on preventive offers (General Data Protection Regulation, Article 6(1)(e)). Information is only given to an association with your consent (Article 6(1)(a)).',
    recipients:
      'The professional making the referral and the contact person in the offer who receives your child.',
  },
  networkPerson: {
    intro:
      'A person from your network has been recorded in Beskyt as someone who can support your child. We write so that you know what has been recorded.',
    categories:
      'The person’s name, contact details and relation to your child, and the support the person gives.',
    purpose:
      'That your child’s network can take part in the help, and that the professionals know who supports your child.',
    legalBasis:
      'We carry out a task as a public authority under the Children’s Act on involving the child’s network (General Data Protection Regulation, Article 6(1)(e)).',
    recipients: 'Your child’s caseworker and the professionals working with your child.',
  },
};

const CHILD_DA: Record<TNoticeKind, TKindWords> = {
  round: {
    intro:
      'To gange om året taler de voksne på din skole om, hvordan alle elever har det. Det hedder en trivselsvurdering. Vi skriver til dig, så du ved, hvad vi skriver ned om dig.',
    categories:
      'Dit navn, din alder og din skole. Om du trives. Ting i dit liv, der hjælper dig eller gør det svært, fx venner og fravær. Hvad du selv siger.',
    purpose: 'Vi vil opdage tidligt, hvis du ikke har det godt, så vi kan hjælpe dig i tide.',
    legalBasis:
      'Loven (barnets lov og reglerne for skolen) siger, at kommunen skal hjælpe børn og unge i tide. Derfor må vi skrive det ned.',
    recipients:
      'Dine lærere, pædagoger og skolens ledelse. Sundhedsplejersken og psykologen, hvis de er med.',
  },
  concern: {
    intro:
      'En voksen, der kender dig, har skrevet ned, at de er bekymrede for dig. Vi skriver til dig, så du ved det.',
    categories: 'Dit navn og din alder, hvad den voksne har set, og hvad de vil gøre for at hjælpe.',
    purpose: 'Vi vil hjælpe dig tidligt, og vi vil gerne tale med dig om, hvad der kan hjælpe.',
    legalBasis:
      'Loven (barnets lov) siger, at voksne, der arbejder med børn og unge, skal handle, når de er bekymrede.',
    recipients:
      'De voksne på din skole eller i dit fritidstilbud, der hjælper dig, og måske kommunens rådgivere.',
  },
  meetingItem: {
    intro:
      'Nogle voksne, der arbejder med børn og unge, skal mødes og tale om, hvordan de kan hjælpe dig. Vi skriver til dig, så du ved det.',
    categories:
      'Dit navn og din alder, hvad de voksne er bekymrede for, hvad der går godt, og hvad der skal ske.',
    purpose: 'At de voksne sammen finder den bedste hjælp til dig.',
    legalBasis:
      'Det sker med dit eller dine forældres samtykke, eller fordi loven (barnets lov) giver de voksne lov til at tale sammen for at hjælpe dig tidligt.',
    recipients:
      'De voksne, der er med på mødet, fx din lærer, sundhedsplejersken, psykologen og en rådgiver.',
  },
  referral: {
    intro:
      'Du er blevet henvist til et tilbud, fx en klub eller en forening. Vi skriver til dig, så du ved, hvad de får at vide.',
    categories: 'Dit navn og din alder, hvilket tilbud det er, og om du er startet.',
    purpose: 'At du får en god start, og at vi kan se, om det hjælper dig.',
    legalBasis: 'Loven (barnets lov) siger, at kommunen må hjælpe dig med tilbud som dette.',
    recipients: 'Den voksne, der har henvist dig, og den voksne i tilbuddet, der tager imod dig.',
  },
  networkPerson: {
    intro:
      'En person, du kender, er skrevet ind som en, der kan støtte dig. Vi skriver til dig, så du ved det.',
    categories: 'Personens navn, hvordan I kender hinanden, og hvordan personen støtter dig.',
    purpose: 'At de voksne omkring dig ved, hvem der støtter dig.',
    legalBasis:
      'Loven (barnets lov) siger, at kommunen skal inddrage de mennesker, der betyder noget for dig.',
    recipients: 'Din rådgiver og de voksne, der arbejder med at hjælpe dig.',
  },
};

const CHILD_EN: Record<TNoticeKind, TKindWords> = {
  round: {
    intro:
      'Twice a year the adults at your school talk about how every pupil is doing. This is called a wellbeing assessment. We write so that you know what we write down about you.',
    categories:
      'Your name, age and school. Whether you are doing well. Things in your life that help you or make it hard, such as friends and absence. What you say yourself.',
    purpose: 'We want to notice early if you are not doing well, so we can help you in time.',
    legalBasis:
      'The law (the Children’s Act and the rules for schools) says the municipality must help children and young people in time. That is why we may write it down.',
    recipients:
      'Your teachers, pedagogues and the school’s leaders. The health visitor and the psychologist if they take part.',
  },
  concern: {
    intro:
      'An adult who knows you has written down that they are worried about you. We write so that you know.',
    categories: 'Your name and age, what the adult has seen, and what they will do to help.',
    purpose: 'We want to help you early, and we would like to talk with you about what may help.',
    legalBasis:
      'The law (the Children’s Act) says adults working with children and young people must act when they are worried.',
    recipients: 'The adults at your school or club who help you, and perhaps the municipality’s caseworkers.',
  },
  meetingItem: {
    intro:
      'Some adults who work with children and young people will meet and talk about how they can help you. We write so that you know.',
    categories:
      'Your name and age, what the adults are worried about, what is going well and what should happen.',
    purpose: 'That the adults together find the best help for you.',
    legalBasis:
      'It happens with your or your parents’ consent, or because the law (the Children’s Act) lets the adults talk together to help you early.',
    recipients:
      'The adults at the meeting, for example your teacher, the health visitor, the psychologist and a caseworker.',
  },
  referral: {
    intro:
      'You have been referred to an offer, such as a club or an association. We write so that you know what they are told.',
    categories: 'Your name and age, which offer it is, and whether you have started.',
    purpose: 'That you get a good start, and that we can see whether it helps you.',
    legalBasis: 'The law (the Children’s Act) says the municipality may help you with offers like this.',
    recipients: 'The adult who referred you, and the adult in the offer who welcomes you.',
  },
  networkPerson: {
    intro:
      'Someone you know has been written down as a person who can support you. We write so that you know.',
    categories: 'The person’s name, how you know each other and how the person supports you.',
    purpose: 'That the adults around you know who supports you.',
    legalBasis:
      'The law (the Children’s Act) says the municipality must involve the people who matter to you.',
    recipients: 'Your caseworker and the adults working to help you.',
  },
};

type TCommon = Pick<TNoticeSections, 'retention' | 'rights' | 'complaint' | 'controllerContact'>;

const COMMON: Record<TNoticeAudience, Record<TLocale, (municipality: string) => TCommon>> = {
  guardian: {
    da: (m) => ({
      retention:
        'Vi gemmer oplysningerne efter kommunens regler for journaler: som udgangspunkt i 5 år efter den sidste registrering om barnet. Derefter slettes de, medmindre de skal afleveres til arkiv efter arkivloven.',
      rights:
        'Du har ret til at se de oplysninger, vi har om dit barn (indsigt), til at få forkerte oplysninger rettet og til at gøre indsigelse mod behandlingen. I nogle tilfælde kan du også få behandlingen begrænset. Kontakt os, hvis du vil bruge dine rettigheder.',
      complaint:
        'Du kan klage over den måde, vi behandler oplysningerne på, til Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby, www.datatilsynet.dk.',
      controllerContact: `${m} er dataansvarlig. Du kan kontakte kommunens databeskyttelsesrådgiver gennem kommunens hjemmeside eller hovednummer.`,
    }),
    en: (m) => ({
      retention:
        'We keep the information under the municipality’s rules for records: as a rule for 5 years after the last entry about your child. It is then deleted, unless it must be handed over to an archive under the Archives Act.',
      rights:
        'You have the right to see the information we hold about your child (access), to have wrong information corrected and to object to the processing. In some cases you can also have the processing restricted. Contact us if you want to use your rights.',
      complaint:
        'You can complain about how we process the information to the Danish Data Protection Agency (Datatilsynet), Carl Jacobsens Vej 35, 2500 Valby, www.datatilsynet.dk.',
      controllerContact: `${m} is the data controller. You can contact the municipality’s data protection officer through the municipality’s website or main phone number.`,
    }),
  },
  child: {
    da: (m) => ({
      retention: 'Vi gemmer det i 5 år efter det sidste, vi har skrevet om dig. Så sletter vi det.',
      rights:
        'Du må gerne se, hvad vi har skrevet om dig. Du kan bede os rette det, hvis noget er forkert, og sige fra, hvis du er uenig. Spørg en voksen, du har tillid til, eller kontakt os.',
      complaint:
        'Hvis du synes, vi gør det forkert, kan du klage til Datatilsynet. Det er dem, der passer på, at kommunen overholder reglerne. Se www.datatilsynet.dk.',
      controllerContact: `Det er ${m}, der har ansvaret. Du kan kontakte kommunens databeskyttelsesrådgiver gennem kommunens hjemmeside.`,
    }),
    en: (m) => ({
      retention: 'We keep it for 5 years after the last thing we wrote about you. Then we delete it.',
      rights:
        'You may see what we have written about you. You can ask us to correct it if something is wrong, and say no if you disagree. Ask an adult you trust, or contact us.',
      complaint:
        'If you think we are doing it wrong, you can complain to the Danish Data Protection Agency (Datatilsynet). They make sure the municipality keeps the rules. See www.datatilsynet.dk.',
      controllerContact: `${m} is responsible. You can contact the municipality’s data protection officer through the municipality’s website.`,
    }),
  },
};

const WORDS: Record<TNoticeAudience, Record<TLocale, Record<TNoticeKind, TKindWords>>> = {
  guardian: { da: GUARDIAN_DA, en: GUARDIAN_EN },
  child: { da: CHILD_DA, en: CHILD_EN },
};

/** Beskyt's default text for a kind, audience and language, with the municipality named as controller. */
export function defaultNoticeText(
  kind: TNoticeKind,
  audience: TNoticeAudience,
  locale: TLocale,
  municipalityName: string,
): TNoticeSections {
  return { ...WORDS[audience][locale][kind], ...COMMON[audience][locale](municipalityName) };
}
