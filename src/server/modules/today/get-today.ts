import type { TToday, TTodayItem } from '../../../shared/schemas/today.ts';
import type { TCtx } from '../../http/context.ts';
import type { TUseCase } from '../../http/use-case.ts';
import { countUnreadAlerts } from '../alerts/count-unread-alerts.ts';
import { todayCasework } from './today-casework.ts';
import { todayIntake, todayLetters } from './today-intake.ts';
import { todayKeyFigure } from './today-key-figure.ts';
import { todayOwnWork } from './today-own-work.ts';
import { todayPartner, todayReferrals } from './today-referrals.ts';
import { todaySetup } from './today-setup.ts';
import { todayUnitWork } from './today-unit-work.ts';

/** Whether the user holds (one of) the permission(s) a use-case asks for. */
function holds(ctx: TCtx, useCase: TUseCase<never[], unknown>): boolean {
  const wanted = typeof useCase.permission === 'string' ? [useCase.permission] : useCase.permission;
  return wanted.some((p) => ctx.user.permissions.has(p));
}

/**
 * The first page for any signed-in user (issue 14, item 1): each part their permissions reach, counts only —
 * what needs them today, urgent first, each with the page where it is done. A role with nothing to do gets an
 * empty list, and the page says what they will find in Beskyt instead.
 */
export async function getToday(ctx: TCtx): Promise<TToday> {
  const { rows } = await ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
    q.query('SELECT current_date::text AS today'),
  );
  const today: string = rows[0].today;
  const parts: Promise<TTodayItem[]>[] = [];
  const dated = [todayUnitWork, todayOwnWork, todayCasework] as const;
  for (const part of dated) if (holds(ctx, part as TUseCase<never[], unknown>)) parts.push(part(ctx, today));
  for (const part of [todayReferrals, todayPartner, todayIntake, todayLetters] as const)
    if (holds(ctx, part as TUseCase<never[], unknown>)) parts.push(part(ctx));
  if (holds(ctx, countUnreadAlerts as TUseCase<never[], unknown>))
    parts.push(
      countUnreadAlerts(ctx).then(({ unread }) =>
        unread > 0 ? [{ key: 'alertsUnread', count: unread, to: '/advarsler', urgent: false }] : [],
      ),
    );
  const [items, setup, keyFigure] = await Promise.all([
    Promise.all(parts).then((found) => found.flat().sort((a, b) => Number(b.urgent) - Number(a.urgent))),
    holds(ctx, todaySetup as TUseCase<never[], unknown>) ? todaySetup(ctx) : null,
    holds(ctx, todayKeyFigure as TUseCase<never[], unknown>) ? todayKeyFigure(ctx) : null,
  ]);
  return { today, items, setup, keyFigure };
}
