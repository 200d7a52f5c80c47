import {
  groupFigures,
  type TChangeSummary,
  type TGroupChange,
  type TGroupFigures,
  type TLearningPair,
} from '../../../domain/offers/intervention-learning.ts';
import { protectKind, type TGroupVisibility } from '../../../domain/offers/learning-disclosure.ts';
import type {
  TLearning,
  TLearningCell,
  TLearningFigures,
  TLearningGroup,
} from '../../../shared/schemas/offer-learning.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectLearningPairs, type TStart } from './learning-pairs.ts';
import { loadLearningSettings } from './learning-settings.ts';
import { selectOfferDecisions } from './offer-decision-document.ts';

const cell = (s: TChangeSummary, shown: boolean): TLearningCell =>
  shown
    ? { ...s, hidden: false }
    : {
        n: null,
        meanBefore: null,
        meanAfter: null,
        meanChange: null,
        ci95: null,
        coverage: null,
        hidden: true,
      };

function figures(change: TGroupChange, shown: boolean, themes: Map<string, boolean>): TLearningFigures {
  return {
    overall: cell(change.overall, shown),
    themes: [...change.themes].map(([themeCode, s]) => ({
      themeCode,
      cell: cell(s, themes.get(themeCode) === true),
    })),
  };
}

const shownGroup = (g: TGroupFigures, v: TGroupVisibility): TLearningGroup => ({
  started: g.started,
  starters: figures(g.starters, v.starters, v.startersThemes),
  reference: figures(g.reference, v.reference, v.referenceThemes),
});

/** Per group key: the children who started and the pairs of those with both assessments. */
function collect(starts: readonly TStart[], key: (s: TStart) => string) {
  const groups = new Map<string, { started: Set<string>; pairs: TLearningPair[] }>();
  for (const s of starts) {
    const g = groups.get(key(s)) ?? { started: new Set<string>(), pairs: [] };
    if (g.started.has(s.childId)) continue;
    g.started.add(s.childId);
    if (s.pair) g.pairs.push(s.pair);
    groups.set(key(s), g);
  }
  return groups;
}

/**
 * The intervention learning view (issue 15, item 9): per offer and per kind of offer, the change in the children's
 * protective share from before their start to the follow-up, against comparable children who did not start, with
 * every figure passed through the measurement's disclosure rule (learning-disclosure.ts). Aggregates only: no
 * child is named, so nothing is audited per child, like the measurement parameter itself.
 */
export const getOfferLearning = defineUseCase(
  'read:learning:municipality',
  async (ctx): Promise<TLearning> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenantRead(m, async (q) => {
      const settings = await loadLearningSettings(q, m);
      const { rows: themes } = await q.query(
        sql`SELECT code, name_da, name_en FROM policy_themes WHERE municipality_id = ${m} ORDER BY sort_order, code`,
      );
      const themeCodes = themes.map((t) => t.code as string);
      const { rows: offers } = await q.query(
        sql`SELECT id, name, kind, status, version FROM offers WHERE municipality_id = ${m} ORDER BY kind, name, id`,
      );
      const { starts, pool } = await selectLearningPairs(q, m, settings.followUpMonths);
      const decisions = await selectOfferDecisions(q, m, null);

      const byOffer = collect(starts, (s) => s.offerId);
      // A child counts once in a kind, from its first start of an offer of the kind.
      const byKind = collect(
        [...starts].sort((a, b) => a.startedOn.localeCompare(b.startedOn)),
        (s) => s.kind,
      );
      const none = { started: new Set<string>(), pairs: [] as TLearningPair[] };
      const figuresOf = (g: typeof none, excluded = g.started) =>
        groupFigures(g.started, g.pairs, pool, themeCodes, excluded);

      const kinds = [...new Set(offers.map((o) => o.kind as string))];
      const shownOffers = new Map<string, TLearningGroup>();
      const shownKinds = kinds.map((kind) => {
        const own = offers.filter((o) => o.kind === kind);
        const kindGroup = byKind.get(kind) ?? none;
        const offerFigures = own.map((o) => figuresOf(byOffer.get(o.id) ?? none, kindGroup.started));
        const kindFigures = figuresOf(kindGroup);
        const visible = protectKind(offerFigures, kindFigures, themeCodes);
        for (const [i, o] of own.entries())
          shownOffers.set(
            o.id,
            shownGroup(offerFigures[i] as TGroupFigures, visible.offers[i] as TGroupVisibility),
          );
        return { kind, ...shownGroup(kindFigures, visible.kind) };
      });

      return {
        followUpMonths: settings.followUpMonths,
        settingsVersion: settings.version,
        themes: themes.map((t) => ({ code: t.code, nameDa: t.name_da, nameEn: t.name_en })),
        kinds: shownKinds,
        offers: offers.map((o) => ({
          offerId: o.id,
          name: o.name,
          kind: o.kind,
          status: o.status,
          version: o.version,
          decisions: decisions.filter((d) => d.offerId === o.id),
          ...(shownOffers.get(o.id) as TLearningGroup),
        })),
      };
    });
  },
);
