import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectRounds, type TRound } from './rounds.ts';

/** An admin sees every round of the municipality; assessors and leaders the rounds that include one of their units. */
export const findRounds = defineUseCase(
  ['read:round:unit', 'manage:round:municipality'],
  async (ctx): Promise<{ items: TRound[] }> => {
    const m = ctx.user.municipalityId;
    const all = ctx.user.permissions.has('manage:round:municipality');
    const units = unitsWith(ctx, 'read:round:unit');
    const items = await ctx.db.tenantRead(m, (q) =>
      all
        ? selectRounds(q, m)
        : selectRounds(
            q,
            m,
            `EXISTS (SELECT 1 FROM round_units x WHERE x.municipality_id = r.municipality_id AND x.round_id = r.id
                     AND x.unit_id = ANY($2::uuid[]))`,
            [units],
          ),
    );
    return { items };
  },
);
