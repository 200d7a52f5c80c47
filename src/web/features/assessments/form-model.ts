import type { TChildVoiceKind } from '../../../shared/schemas/assessments';
import { FACTOR_DOMAINS } from '../../../shared/schemas/factors';
import type {
  TAssessment,
  TCatalogue,
  TChildVoice,
  TFactorKind,
  TFactorStateValue,
  TOwnAssessments,
  TParentsView,
  TPosition,
} from './types';

/** A factor as the form shows it: the catalogue's words in the reader's language. */
export interface TFormFactor {
  code: string;
  kind: TFactorKind;
  domain: string;
  label: string;
  description: string;
  applicable: boolean;
}

export interface TFactorValue {
  state: TFactorStateValue;
  reason: string;
}

export interface TVoiceDraft {
  text: string;
  words: string;
  /** '' until chosen; '1'–'10'. */
  scale: string;
  /** face is '' until chosen; '1'–'5'. */
  answers: { question: string; face: string }[];
  recordedBy: string;
  recordedOn: string;
}

export interface TViewDraft {
  text: string;
  recordedBy: string;
  recordedOn: string;
}

export interface TFormDraft {
  position: TPosition | '';
  factors: Record<string, TFactorValue>;
  voice: TVoiceDraft;
  parents: TViewDraft;
  note: string;
}

export interface TDraftDefaults {
  recordedBy: string;
  today: string;
  questions: string[];
}

const UNKNOWN: TFactorValue = { state: 'unknown', reason: '' };

/** Protective factors first (what to build on), then risk; by domain in the catalogue's order of domains. */
export function formFactors(catalogue: TCatalogue, age: number, language: string): TFormFactor[] {
  const domainOrder = new Map<string, number>(FACTOR_DOMAINS.map((d, i) => [d, i]));
  return [...catalogue.factors]
    .sort(
      (a, b) =>
        (a.kind === b.kind ? 0 : a.kind === 'protective' ? -1 : 1) ||
        (domainOrder.get(a.domain) ?? 99) - (domainOrder.get(b.domain) ?? 99) ||
        a.bit - b.bit,
    )
    .map((f) => ({
      code: f.code,
      kind: f.kind,
      domain: f.domain,
      label: language === 'en' ? f.labelEn : f.labelDa,
      description: language === 'en' ? f.descriptionEn : f.descriptionDa,
      applicable: f.ageFrom <= age && age <= f.ageTo,
    }));
}

function voiceDraft(voice: TChildVoice | null, defaults: TDraftDefaults): TVoiceDraft {
  const base = {
    recordedBy: voice?.recordedBy ?? defaults.recordedBy,
    recordedOn: voice?.recordedOn ?? defaults.today,
  };
  const blankAnswers = defaults.questions.map((question) => ({ question, face: '' }));
  if (!voice) return { ...base, text: '', words: '', scale: '', answers: blankAnswers };
  switch (voice.kind) {
    case 'observed':
      return { ...base, text: voice.text, words: '', scale: '', answers: blankAnswers };
    case 'faces':
      return {
        ...base,
        text: '',
        words: voice.words ?? '',
        scale: '',
        answers: voice.answers.map((a) => ({ question: a.question, face: String(a.face) })),
      };
    case 'words':
      return { ...base, text: voice.text, words: '', scale: String(voice.scale), answers: blankAnswers };
  }
}

function viewDraft(view: TParentsView | null, defaults: TDraftDefaults): TViewDraft {
  return view
    ? { text: view.text, recordedBy: view.recordedBy, recordedOn: view.recordedOn }
    : { text: '', recordedBy: defaults.recordedBy, recordedOn: defaults.today };
}

/** What the adults who knew agreed on, if they did; nothing when nobody knew or they disagreed. */
function agreed(states: readonly TFactorStateValue[]): TFactorStateValue {
  const known = new Set(states.filter((s) => s !== 'unknown'));
  return known.size === 1 ? ([...known][0] as TFactorStateValue) : 'unknown';
}

/**
 * The starting point of the form: an existing assessment as saved; a new joint assessment with what the
 * own assessments agree on (position and factors), so the meeting can spend its time on the disagreements;
 * a new own assessment empty.
 */
export function initialDraft(
  existing: TAssessment | null,
  own: TOwnAssessments | undefined,
  defaults: TDraftDefaults,
): TFormDraft {
  if (existing) {
    return {
      position: existing.position,
      factors: Object.fromEntries(
        existing.factors.map((f) => [f.code, { state: f.state, reason: f.reason ?? '' }]),
      ),
      voice: voiceDraft(existing.childVoice, defaults),
      parents: viewDraft(existing.parentsView, defaults),
      note: existing.note ?? '',
    };
  }
  const positions = new Set((own?.assessments ?? []).map((a) => a.position));
  return {
    position: positions.size === 1 ? ([...positions][0] as TPosition) : '',
    factors: Object.fromEntries(
      (own?.factors ?? []).map((f) => [f.code, { state: agreed(f.states.map((s) => s.state)), reason: '' }]),
    ),
    voice: voiceDraft(null, defaults),
    parents: viewDraft(null, defaults),
    note: '',
  };
}

export function factorValue(draft: TFormDraft, code: string): TFactorValue {
  return draft.factors[code] ?? UNKNOWN;
}

/** Factors the form sends: every one with a state or a reason (a factor not sent is not known). */
export function factorList(draft: TFormDraft, shown: readonly TFormFactor[]) {
  return shown.flatMap((f) => {
    const value = factorValue(draft, f.code);
    const reason = value.reason.trim();
    if (value.state === 'unknown' && !reason) return [];
    return [{ code: f.code, state: value.state, ...(reason ? { reason } : {}) }];
  });
}

/** The child's voice as the API takes it, or undefined when nothing was recorded. Checked by the schema. */
export function voiceInput(kind: TChildVoiceKind, v: TVoiceDraft): Record<string, unknown> | undefined {
  const recorded = { recordedBy: v.recordedBy, recordedOn: v.recordedOn };
  switch (kind) {
    case 'observed':
      return v.text.trim() ? { kind, text: v.text, ...recorded } : undefined;
    case 'faces': {
      const answered = v.answers.filter((a) => a.face !== '');
      if (answered.length === 0 && !v.words.trim()) return undefined;
      return {
        kind,
        answers: answered.map((a) => ({ question: a.question, face: Number(a.face) })),
        ...(v.words.trim() ? { words: v.words } : {}),
        ...recorded,
      };
    }
    case 'words':
      if (!v.text.trim() && !v.scale) return undefined;
      return { kind, text: v.text, scale: v.scale ? Number(v.scale) : undefined, ...recorded };
  }
}

export function parentsInput(v: TViewDraft): Record<string, unknown> | undefined {
  return v.text.trim() ? { text: v.text, recordedBy: v.recordedBy, recordedOn: v.recordedOn } : undefined;
}
