import type { TPermission } from '../../shared/permissions.ts';
import type { TCtx } from '../http/context.ts';
import { roleFor } from '../http/permissions.ts';
import type { TAuditEvent } from '../modules/audit/audit-writer.ts';
import { auditPurpose, relationDetail, relationUnit, type TRelation } from './relations.ts';

interface TWhat {
  /**
   * The permission the user acts under, when not the use-case's own (`ctx.permission`): the role recorded
   * is the one that grants it, in the relation's unit. `null` for what a user does to their own account
   * under no permission (their language): no role is exercised, none is recorded.
   */
  permission?: TPermission | null;
  action: string;
  entity: string;
  entityId?: string | null;
  childId?: string | null;
  detail?: unknown;
  /** The unit to look the role up in, when it is not the relation's own (or there is no relation). */
  unitId?: string | null;
}

/**
 * Why the event happened: the relation to the child that allowed it — or, for an event no single relation
 * grounds (a list, an administrative task, a job), a task purpose such as `caseload` or `administration`.
 */
type TWhy = { relation: TRelation } | { purpose: string };

/**
 * The audit event for what the user in `ctx` did (decision 021): who, in which role, from where, and the
 * purpose named from the relation by `auditPurpose` — so no use-case writes these fields by hand.
 */
export function auditEvent(
  ctx: Pick<TCtx, 'user' | 'ip'> & { permission?: TPermission },
  what: TWhat & TWhy,
): TAuditEvent {
  const permission = what.permission !== undefined ? what.permission : ctx.permission;
  if (permission === undefined) throw new Error('auditEvent: no permission to name the role by');
  const relation = 'relation' in what ? what.relation : null;
  const unitId = what.unitId !== undefined ? what.unitId : relation ? relationUnit(relation) : undefined;
  const extra = relation ? relationDetail(relation) : {};
  const detail =
    Object.keys(extra).length === 0
      ? (what.detail ?? null)
      : { ...((what.detail as Record<string, unknown> | null | undefined) ?? {}), ...extra };
  return {
    municipalityId: ctx.user.municipalityId,
    userId: ctx.user.userId,
    role: permission === null ? null : roleFor(ctx, permission, unitId),
    action: what.action,
    entity: what.entity,
    entityId: what.entityId ?? null,
    childId: what.childId ?? null,
    purpose: relation ? auditPurpose(relation) : (what as { purpose: string }).purpose,
    ip: ctx.ip,
    detail,
  };
}
