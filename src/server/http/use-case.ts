import type { TPermission } from '../../shared/permissions.ts';
import type { TCtx } from './context.ts';
import { AppError } from './errors.ts';

/** A request as a use-case sees it: the context, and the permission it acts under (for its audit events). */
export interface TActingCtx extends TCtx {
  permission: TPermission;
}

/** A use-case that states its permission once: the route declares `defineUseCase`'s `permission`, nothing repeats it. */
export type TUseCase<A extends unknown[], R> = ((ctx: TCtx, ...args: A) => Promise<R>) & {
  readonly permission: TPermission | readonly TPermission[];
};

/**
 * Declares a use-case with its permission (decision 021). The route reads `permission` from it, so the
 * route table and the use-case cannot disagree; calling it still refuses a user without the permission
 * (403), which guards a use-case called from another one (a write answering with a read). A list lets in
 * a user holding any one of them, and the use-case acts under the first one held.
 */
export function defineUseCase<A extends unknown[], R>(
  permission: TPermission | readonly TPermission[],
  fn: (ctx: TActingCtx, ...args: A) => Promise<R>,
): TUseCase<A, R> {
  const options: readonly TPermission[] = typeof permission === 'string' ? [permission] : permission;
  const run = async (ctx: TCtx, ...args: A): Promise<R> => {
    const held = options.find((p) => ctx.user.permissions.has(p));
    if (!held) throw new AppError('FORBIDDEN');
    return fn({ ...ctx, permission: held }, ...args);
  };
  return Object.assign(run, { permission });
}
