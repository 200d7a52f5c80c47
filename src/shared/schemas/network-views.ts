import { z } from 'zod';
import { ZDay, ZId, ZTimestamp } from './common.ts';
import { NETWORK_AGREEMENTS, NETWORK_RELATIONS, NETWORK_ROLES, NETWORK_TIES } from './network.ts';

// The answers of the network endpoints: one definition for the server that builds them, the tests that parse
// them and the web app that reads them.

/** The person's link to one child the reader reaches. */
export const ZNetworkLink = z.strictObject({
  childId: ZId,
  firstName: z.string(),
  tie: z.enum(NETWORK_TIES),
  step: z.boolean(),
  /** Null below the municipality's age for the child's own agreement. */
  childAgreement: z.enum(NETWORK_AGREEMENTS).nullable(),
});
export type TNetworkLink = z.infer<typeof ZNetworkLink>;

export const ZNetworkPerson = z.strictObject({
  id: ZId,
  name: z.string(),
  relation: z.enum(NETWORK_RELATIONS),
  relationNote: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  role: z.enum(NETWORK_ROLES),
  canOffer: z.string(),
  guardiansAgreement: z.enum(NETWORK_AGREEMENTS),
  guardiansAgreedOn: ZDay.nullable(),
  /** The links to the children the reader reaches (the child asked about first); others are not shown. */
  children: z.array(ZNetworkLink),
  /** How many children of the family the person is linked to that the reader does not reach. */
  otherChildren: z.number().int().min(0),
  createdBy: z.string(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp.nullable(),
  version: z.number().int().min(1),
});
export type TNetworkPerson = z.infer<typeof ZNetworkPerson>;

/** A child's network, with what the form needs: the siblings the reader may link, and the age of agreement. */
export const ZChildNetwork = z.strictObject({
  child: z.strictObject({ id: ZId, firstName: z.string(), age: z.number().int() }),
  /** The child's siblings the reader reaches with the write permission (a person can be shared with them). */
  siblings: z.array(z.strictObject({ id: ZId, firstName: z.string(), age: z.number().int() })),
  childAgreementAge: z.number().int(),
  canWrite: z.boolean(),
  persons: z.array(ZNetworkPerson),
});
export type TChildNetwork = z.infer<typeof ZChildNetwork>;

export const ZNetworkSettings = z.strictObject({
  childAgreementAge: z.number().int(),
  conferenceReviewMonths: z.number().int(),
  version: z.number().int().min(0),
});
export type TNetworkSettings = z.infer<typeof ZNetworkSettings>;
