import { Group, List, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TCase, ZFollowUpRequest } from '../../../shared/schemas/cases';
import { useFormCheck } from '../../components/check-input';
import { DrawerForm } from '../../components/drawer-form';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { TitledSection } from '../../components/titled-section';
import { DeadlineBadge } from './deadline-badge';
import { caseApi } from './queries';
import { todayIso, useCaseMutation } from './use-case-mutation';

/** § 95: the follow-ups due; the next one is recorded as held only with what it showed, on a past date. */
export function FollowUpSection({ c, editable }: { c: TCase; editable: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const next = c.followUps.find((f) => !f.heldOn);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [nextDueOn, setNextDueOn] = useState('');
  const form = useFormCheck();
  const body = () => ({ heldOn, note: note || undefined, nextDueOn: nextDueOn || undefined });
  const record = useCaseMutation(c.id, () => caseApi.followUp(c.id, next?.id ?? '', body()));
  const error = form.problem ?? record.error;
  return (
    <TitledSection id="case-follow-ups" title={t('followUp.title')}>
      {c.followUps.length === 0 ? <Text>{t('followUp.none')}</Text> : null}
      <List mb="sm">
        {c.followUps.map((f) => (
          <List.Item key={f.id}>
            {t('followUp.due', { date: formatDate(f.dueOn, i18n.language) })}
            {f.heldOn ? ` · ${t('followUp.held', { date: formatDate(f.heldOn, i18n.language) })}` : ''}
            {f.note ? ` — ${f.note}` : ''} <DeadlineBadge state={f.state} />
          </List.Item>
        ))}
      </List>
      {editable && next ? (
        <DrawerForm
          title={t('followUp.record')}
          onSubmit={(close) => {
            if (!form.check(ZFollowUpRequest, body(), { heldOn })) return;
            record.mutate(undefined, {
              onSuccess: () => {
                setNote('');
                setNextDueOn('');
                close();
              },
            });
          }}
          onClose={form.clear}
          error={error}
          pending={record.isPending}
          submitLabel={t('followUp.record')}
        >
          <Text>{t('followUp.due', { date: formatDate(next.dueOn, i18n.language) })}</Text>
          <Group align="start" grow>
            <TextInput
              type="date"
              label={t('followUp.heldOn')}
              withAsterisk
              value={heldOn}
              max={todayIso()}
              onChange={(e) => setHeldOn(e.currentTarget.value)}
              error={fieldError(error, 'heldOn')}
            />
            <TextInput
              type="date"
              label={t('followUp.nextDueOn')}
              value={nextDueOn}
              onChange={(e) => setNextDueOn(e.currentTarget.value)}
              error={fieldError(error, 'nextDueOn')}
            />
          </Group>
          <Textarea
            label={t('followUp.note')}
            withAsterisk
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(error, 'note')}
            autosize
            minRows={3}
            data-autofocus
          />
        </DrawerForm>
      ) : null}
    </TitledSection>
  );
}
