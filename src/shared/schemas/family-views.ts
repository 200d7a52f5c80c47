import { z } from 'zod';
import { ZId } from './common.ts';
import { ZConferenceListItem } from './conference-views.ts';
import { ZNetworkPerson } from './network-views.ts';

// The answer of the family view (issue 16, item 5; decision 030): one definition for the server that builds it,
// the tests that parse it and the web app that reads it.

/** A professional the family can call about a child: their name, e-mail and where they work. */
export const ZFamilyContact = z.strictObject({
  name: z.string(),
  email: z.string(),
  /** The unit or team they work in, when known. */
  place: z.string().nullable(),
});
export type TFamilyContact = z.infer<typeof ZFamilyContact>;

/** One child of the family the reader reaches, with what the reader may see of it through that relation. */
export const ZFamilyMember = z.strictObject({
  id: ZId,
  firstName: z.string(),
  lastName: z.string(),
  age: z.number().int(),
  /** The kind of the reader's relation to this child (enrolment, coordinator, case). */
  relation: z.string(),
  /** The units the child attends today. */
  units: z.array(z.strictObject({ id: ZId, name: z.string() })),
  coordinator: ZFamilyContact.nullable(),
  /** The open cases' caseworkers: shown only to a reader who reaches the child through a case. */
  caseworkers: z.array(ZFamilyContact),
  /** The child's conferences the reader may see (a unit: the preventive ones). */
  conferences: z.array(ZConferenceListItem),
});
export type TFamilyMember = z.infer<typeof ZFamilyMember>;

export const ZFamilyView = z.strictObject({
  /** The child the view was opened from. */
  childId: ZId,
  /** The family's name in the register; null for a child without a family. */
  familyName: z.string().nullable(),
  /** The children the reader reaches, the one asked about first. */
  members: z.array(ZFamilyMember),
  /** Siblings the reader has no relation to: counted, never named or read. */
  otherChildren: z.number().int().min(0),
  /** The family's network persons linked to a child the reader reaches (links only to those children). */
  network: z.array(ZNetworkPerson),
});
export type TFamilyView = z.infer<typeof ZFamilyView>;
