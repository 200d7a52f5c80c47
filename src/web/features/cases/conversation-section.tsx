import { Group, List, NativeSelect, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TCase,
  type TConversationOutcome,
  ZChildConversationRequest,
} from '../../../shared/schemas/cases';
import { useFormCheck } from '../../components/check-input';
import { DrawerForm } from '../../components/drawer-form';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { TitledSection } from '../../components/titled-section';
import { caseApi } from './queries';
import { todayIso, useCaseMutation } from './use-case-mutation';

/** § 8: the child conversation before a decision — held (with what the child said), declined, or not held and why. */
export function ConversationSection({ c, editable }: { c: TCase; editable: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const [outcome, setOutcome] = useState<TConversationOutcome>('held');
  const [onDate, setOnDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormCheck();
  const body = () => ({
    outcome,
    onDate,
    note: note || undefined,
    reasonNotHeld: outcome === 'notHeld' ? reason : undefined,
  });
  const add = useCaseMutation(c.id, () => caseApi.conversation(c.id, body()));
  const error = form.problem ?? add.error;
  return (
    <TitledSection id="case-conversations" title={t('conversation.title')}>
      <Text mb="xs">{t('conversation.intro')}</Text>
      {c.conversations.length === 0 ? <Text>{t('conversation.none')}</Text> : null}
      <List mb="sm">
        {c.conversations.map((x) => (
          <List.Item key={x.id}>
            {formatDate(x.onDate, i18n.language)}: {t(`conversation.outcomes.${x.outcome}`)}
            {x.note ? ` — ${x.note}` : ''}
            {x.reasonNotHeld ? ` — ${x.reasonNotHeld}` : ''} ({t('conversation.by', { name: x.recordedBy })})
          </List.Item>
        ))}
      </List>
      {editable ? (
        <DrawerForm
          title={t('conversation.add')}
          onSubmit={(close) => {
            if (!form.check(ZChildConversationRequest, body(), { onDate })) return;
            add.mutate(undefined, {
              onSuccess: () => {
                setNote('');
                setReason('');
                close();
              },
            });
          }}
          onClose={form.clear}
          error={error}
          pending={add.isPending}
          submitLabel={t('conversation.add')}
        >
          <Group align="start" grow>
            <NativeSelect
              label={t('conversation.outcome')}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value as TConversationOutcome)}
              data={(['held', 'declined', 'notHeld'] as const).map((o) => ({
                value: o,
                label: t(`conversation.outcomes.${o}`),
              }))}
              data-autofocus
            />
            <TextInput
              type="date"
              label={t('conversation.onDate')}
              withAsterisk
              value={onDate}
              max={todayIso()}
              onChange={(e) => setOnDate(e.currentTarget.value)}
              error={fieldError(error, 'onDate')}
            />
          </Group>
          {outcome === 'notHeld' ? (
            <Textarea
              label={t('conversation.reasonNotHeld')}
              withAsterisk
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldError(error, 'reasonNotHeld')}
              autosize
              minRows={3}
            />
          ) : (
            <Textarea
              label={t('conversation.note')}
              withAsterisk={outcome === 'held'}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={fieldError(error, 'note')}
              autosize
              minRows={3}
            />
          )}
        </DrawerForm>
      ) : null}
    </TitledSection>
  );
}
