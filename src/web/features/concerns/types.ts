import type { z } from 'zod';
import type { ZCreateConcernRequest } from '../../../shared/schemas/concerns';

// The concern is the server's own type: one definition for both sides.
export type { TConcern, TLevel } from '../../../shared/schemas/concern-views';

export type {
  TGuideAction,
  TGuideLink,
  TGuideSign,
} from '../../../shared/schemas/handleguide-views';

export type TCreateConcernInput = z.input<typeof ZCreateConcernRequest>;
