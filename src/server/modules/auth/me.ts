import type { TSessionResponse } from '../../../shared/schemas/auth-views.ts';
import type { TSessionUser } from '../../http/context.ts';

/** What the browser needs to know about the signed-in user; the UI hides what these permissions do not allow. */
export function describeMe(user: TSessionUser): TSessionResponse {
  return {
    user: {
      id: user.userId,
      name: user.name,
      email: user.email,
      locale: user.locale,
      municipality: { id: user.municipalityId, name: user.municipalityName },
      roles: user.roles.map((r) => ({ role: r.role, unitId: r.unitId, unitName: r.unitName })),
      permissions: [...user.permissions].sort(),
    },
    csrfToken: user.csrfToken,
  };
}
