import { Checkbox, Fieldset, Group, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  NOTICE_EXCEPTION_DECISIONS,
  NOTICE_EXCEPTION_GROUNDS,
  NOTICE_KINDS,
  type TNoticeExceptionDecision,
  type TNoticeExceptionGround,
  type TNoticeExceptionRequest,
  type TNoticeKind,
} from '../../../shared/schemas/notices';
import { fieldError } from '../../components/field-errors';

/** What the exception form holds while it is being filled in. */
export interface TExceptionDraft {
  kinds: TNoticeKind[];
  decision: TNoticeExceptionDecision;
  ground: TNoticeExceptionGround;
  reason: string;
  end: 'date' | 'case';
  untilDate: string;
}

export function emptyException(kinds: TNoticeKind[]): TExceptionDraft {
  return { kinds, decision: 'postpone', ground: 'childSafety', reason: '', end: 'date', untilDate: '' };
}

/** The request the server checks (it names any field that is wrong: no reason, no end, a past date …). */
export function exceptionRequest(d: TExceptionDraft): Omit<TNoticeExceptionRequest, 'concernId'> {
  return {
    kinds: d.kinds,
    decision: d.decision,
    ground: d.ground,
    reason: d.reason,
    untilDate: d.end === 'date' ? d.untilDate || null : null,
    untilCaseDecides: d.end === 'case',
  };
}

interface TProps {
  value: TExceptionDraft;
  onChange: (next: TExceptionDraft) => void;
  /** The last failed save: its field problems are shown on the fields. */
  error: unknown;
  /** The path of these fields in the request ("noticeException." inside a concern). */
  prefix?: string;
}

/** Which notices are held back, on which lawful ground, why, and until when (issue 23). */
export function ExceptionFields({ value, onChange, error, prefix = '' }: TProps) {
  const { t } = useTranslation('notices');
  const set = (patch: Partial<TExceptionDraft>) => onChange({ ...value, ...patch });
  const problem = (name: string) => fieldError(error, `${prefix}${name}`);
  return (
    <Fieldset legend={t('exception.legend')}>
      <Stack>
        <Checkbox.Group
          label={t('exception.kinds')}
          value={value.kinds}
          onChange={(kinds) => set({ kinds: kinds as TNoticeKind[] })}
          error={problem('kinds')}
          withAsterisk
        >
          <Group mt="xs">
            {NOTICE_KINDS.map((k) => (
              <Checkbox key={k} value={k} label={t(`kind.${k}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Radio.Group
          label={t('exception.decision')}
          value={value.decision}
          onChange={(v) => set({ decision: v as TNoticeExceptionDecision })}
          withAsterisk
        >
          <Group mt="xs">
            {NOTICE_EXCEPTION_DECISIONS.map((d) => (
              <Radio key={d} value={d} label={t(`decision.${d}`)} />
            ))}
          </Group>
        </Radio.Group>
        <NativeSelect
          label={t('exception.ground')}
          value={value.ground}
          onChange={(e) => set({ ground: e.currentTarget.value as TNoticeExceptionGround })}
          data={NOTICE_EXCEPTION_GROUNDS.map((g) => ({ value: g, label: t(`ground.${g}`) }))}
          error={problem('ground')}
          withAsterisk
        />
        <Textarea
          label={t('exception.reason')}
          description={t('exception.reasonHint')}
          value={value.reason}
          onChange={(e) => set({ reason: e.currentTarget.value })}
          error={problem('reason')}
          autosize
          minRows={3}
          withAsterisk
        />
        <Radio.Group
          label={t('exception.end')}
          value={value.end}
          onChange={(v) => set({ end: v as TExceptionDraft['end'] })}
          error={value.end === 'case' ? problem('untilDate') : undefined}
          withAsterisk
        >
          <Group mt="xs">
            <Radio value="date" label={t('exception.endDate')} />
            <Radio value="case" label={t('exception.endCase')} />
          </Group>
        </Radio.Group>
        {value.end === 'date' ? (
          <TextInput
            type="date"
            label={t('exception.untilDate')}
            value={value.untilDate}
            onChange={(e) => set({ untilDate: e.currentTarget.value })}
            error={problem('untilDate')}
            withAsterisk
            maw={220}
          />
        ) : null}
      </Stack>
    </Fieldset>
  );
}
