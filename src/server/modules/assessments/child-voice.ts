import { ageOn } from '../../../domain/measurement/index.ts';
import type { TChildVoice } from '../../../shared/schemas/assessments.ts';
import { voiceKindForAge } from '../../../shared/schemas/assessments.ts';
import { fieldError } from '../../http/errors.ts';

/** The child's voice must be recorded the way that fits its age on the day of the assessment. */
export function checkChildVoice(
  voice: TChildVoice | null | undefined,
  birthDate: string,
  assessedOn: string,
) {
  if (!voice) return;
  const age = ageOn(birthDate, assessedOn);
  const expected = voiceKindForAge(age);
  if (voice.kind !== expected)
    throw fieldError('childVoice.kind', 'field.voiceKindForAge', { age, expected });
}
