import { describe, expect, it } from 'vitest';
import type { TPermission } from '../../shared/permissions.ts';
import type { TCtx } from './context.ts';
import { AppError } from './errors.ts';
import { defineUseCase } from './use-case.ts';

function ctxWith(...permissions: TPermission[]): TCtx {
  return { user: { permissions: new Set(permissions) } } as unknown as TCtx;
}

describe('defineUseCase', () => {
  const readChild = defineUseCase('read:child:unit', async (ctx, id: string) => `${ctx.permission} ${id}`);
  const rounds = defineUseCase(
    ['manage:round:municipality', 'manage:round:unit'],
    async (ctx) => ctx.permission,
  );

  it('states its permission for the route to declare', () => {
    expect(readChild.permission).toBe('read:child:unit');
    expect(rounds.permission).toEqual(['manage:round:municipality', 'manage:round:unit']);
  });

  it('runs with the permission it acts under', async () => {
    expect(await readChild(ctxWith('read:child:unit'), 'c1')).toBe('read:child:unit c1');
    expect(await rounds(ctxWith('manage:round:unit'))).toBe('manage:round:unit');
  });

  it('refuses a caller without the permission with 403', async () => {
    await expect(readChild(ctxWith('read:case:team'), 'c1')).rejects.toThrow(AppError);
    await expect(readChild(ctxWith('read:case:team'), 'c1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
