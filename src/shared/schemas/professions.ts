/** Professions a meeting participant (or a concern's author) acts as; the same list as the concerns table. */
export const PROFESSIONS = [
  'leader',
  'teacher',
  'pedagogue',
  'socialWorker',
  'healthVisitor',
  'ppr',
  'ssp',
  'other',
] as const;
export type TProfession = (typeof PROFESSIONS)[number];
