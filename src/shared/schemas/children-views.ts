import { z } from 'zod';
import { UNIT_KINDS } from '../permissions.ts';
import { ZDay, ZGender, ZId } from './common.ts';

// The answers of the children endpoints: one definition for the server that builds them and the web app
// that reads them.

/** One child in a search result: the CPR number only masked. */
export interface TChildListItem {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: string;
  cprMasked: string;
  units: { id: string; name: string }[];
}

export const GUARDIAN_RELATIONS = ['mother', 'father', 'other'] as const;

const ZSibling = z.strictObject({
  id: ZId,
  firstName: z.string(),
  lastName: z.string(),
  birthDate: ZDay,
  /** The viewer sees this sibling too (a current enrolment in one of their units): the name links to it. */
  accessible: z.boolean(),
});

/**
 * A child's profile: the stored document (facts, enrolments, guardians, households; decision 017) with the
 * viewer's relation and the family appended. PostgreSQL writes it (get-child-profile.ts); the tests check
 * it against this schema.
 */
export const ZChildProfile = z.strictObject({
  id: ZId,
  firstName: z.string(),
  lastName: z.string(),
  birthDate: ZDay,
  gender: ZGender,
  cprMasked: z.string(),
  version: z.number().int().min(1),
  /** Why the viewer may see the child: a current enrolment in one of their units. */
  relation: z.strictObject({ kind: z.literal('enrolment'), unitId: ZId, unitName: z.string() }),
  /** Newest first. */
  enrolments: z.array(
    z.strictObject({
      id: ZId,
      unitId: ZId,
      unitName: z.string(),
      unitKind: z.enum(UNIT_KINDS),
      groupName: z.string().nullable(),
      fromDate: ZDay,
      toDate: ZDay.nullable(),
    }),
  ),
  /** Those with custody first. */
  guardians: z.array(
    z.strictObject({
      id: ZId,
      firstName: z.string(),
      lastName: z.string(),
      relation: z.enum(GUARDIAN_RELATIONS),
      hasCustody: z.boolean(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
  /** The primary household first. */
  households: z.array(
    z.strictObject({
      id: ZId,
      address: z.string(),
      postalCode: z.string(),
      city: z.string(),
      isPrimary: z.boolean(),
    }),
  ),
  family: z.strictObject({ id: ZId, name: z.string(), siblings: z.array(ZSibling) }).nullable(),
});
export type TChildProfile = z.infer<typeof ZChildProfile>;
