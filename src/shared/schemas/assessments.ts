import { z } from 'zod';
import { ZId, ZIsoDate, ZText, ZVersion } from './common.ts';

export const POSITIONS = ['green', 'yellow', 'red'] as const;
export type TPosition = (typeof POSITIONS)[number];
export const FACTOR_STATES = ['present', 'absent', 'unknown'] as const;
export type TFactorStateValue = (typeof FACTOR_STATES)[number];
export const ASSESSMENT_MODES = ['own', 'joint'] as const;
export type TAssessmentMode = (typeof ASSESSMENT_MODES)[number];

/** A round's half-year follows its opening date: January–June is H1, July–December H2. */
export const ZCreateRoundRequest = z
  .strictObject({
    name: ZText(120),
    opensOn: ZIsoDate,
    closesOn: ZIsoDate,
    unitIds: z.array(ZId).min(1).max(500),
  })
  .refine((r) => r.closesOn >= r.opensOn, { path: ['closesOn'], params: { key: 'field.closesBeforeOpens' } });
export type TCreateRoundRequest = z.infer<typeof ZCreateRoundRequest>;

export const ZRoundProgressQuery = z.strictObject({ unitId: ZId });
export type TRoundProgressQuery = z.infer<typeof ZRoundProgressQuery>;

export const ZRoundChildParams = z.strictObject({ roundId: ZId, childId: ZId });

export const ZFactorStateInput = z.strictObject({
  code: z.string().trim().min(1).max(40),
  state: z.enum(FACTOR_STATES),
  reason: z.string().trim().max(500).optional(),
});
export type TFactorStateInput = z.infer<typeof ZFactorStateInput>;

const ZRecorded = {
  /** The name of the adult who recorded it (free text: it may be a guardian or a colleague without a login). */
  recordedBy: ZText(120),
  recordedOn: ZIsoDate,
};

/**
 * The child's own voice, fitted to age at the assessment: under 6 what the adults observed; 6–12 a
 * five-face scale per question (1 = very sad … 5 = very happy) plus words; 13+ own words and a 1–10 scale.
 */
export const ZChildVoice = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('observed'), text: ZText(2000), ...ZRecorded }),
  z.strictObject({
    kind: z.literal('faces'),
    answers: z
      .array(z.strictObject({ question: ZText(200), face: z.number().int().min(1).max(5) }))
      .min(1)
      .max(20),
    words: z.string().trim().max(2000).optional(),
    ...ZRecorded,
  }),
  z.strictObject({
    kind: z.literal('words'),
    text: ZText(2000),
    scale: z.number().int().min(1).max(10),
    ...ZRecorded,
  }),
]);
export type TChildVoice = z.infer<typeof ZChildVoice>;
export type TChildVoiceKind = TChildVoice['kind'];

/**
 * How the child's own voice is recorded at an age (whole years on the assessment day): under 6 what the
 * adults observed, 6–12 a five-face scale, 13 and over own words and a scale. The form offers it and the
 * server refuses any other kind.
 */
export function voiceKindForAge(age: number): TChildVoiceKind {
  if (age < 6) return 'observed';
  return age <= 12 ? 'faces' : 'words';
}

export const ZParentsView = z.strictObject({ text: ZText(2000), ...ZRecorded });
export type TParentsView = z.infer<typeof ZParentsView>;

const ZNote = z.string().trim().max(2000);

/** Factors not listed count as not known. */
export const ZCreateAssessmentRequest = z.strictObject({
  roundId: ZId,
  childId: ZId,
  mode: z.enum(ASSESSMENT_MODES),
  position: z.enum(POSITIONS),
  factors: z.array(ZFactorStateInput).max(64).default([]),
  childVoice: ZChildVoice.optional(),
  parentsView: ZParentsView.optional(),
  note: ZNote.optional(),
});
export type TCreateAssessmentRequest = z.infer<typeof ZCreateAssessmentRequest>;

/** `factors`, when given, replaces the whole list (unlisted factors become not known); null clears a text. */
export const ZUpdateAssessmentRequest = z.strictObject({
  version: ZVersion,
  position: z.enum(POSITIONS).optional(),
  factors: z.array(ZFactorStateInput).max(64).optional(),
  childVoice: ZChildVoice.nullable().optional(),
  parentsView: ZParentsView.nullable().optional(),
  note: ZNote.nullable().optional(),
});
export type TUpdateAssessmentRequest = z.infer<typeof ZUpdateAssessmentRequest>;
