import { Group, List, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TCase, type TMeasureSection, ZAddMeasureRequest } from '../../../shared/schemas/cases';
import { useFormCheck } from '../../components/check-input';
import { DrawerForm } from '../../components/drawer-form';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { TitledSection } from '../../components/titled-section';
import { caseApi } from './queries';
import { useCaseMutation } from './use-case-mutation';

/** The case's § 30 and § 32 measures; a new one starts on a date the caseworker chooses (none is assumed). */
export function MeasureSection({ c, editable }: { c: TCase; editable: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const [section, setSection] = useState<TMeasureSection>('s32');
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const form = useFormCheck();
  const body = () => ({ section, title, startsOn, endsOn: endsOn || undefined });
  const add = useCaseMutation(c.id, () => caseApi.measure(c.id, body()));
  const error = form.problem ?? add.error;
  return (
    <TitledSection id="case-measures" title={t('measure.title')}>
      {c.measures.length === 0 ? <Text>{t('measure.none')}</Text> : null}
      <List mb="sm">
        {c.measures.map((m) => (
          <List.Item key={m.id}>
            {m.title} ({t(`measure.sections.${m.section}`)}),{' '}
            {m.endsOn
              ? t('measure.period', {
                  from: formatDate(m.startsOn, i18n.language),
                  to: formatDate(m.endsOn, i18n.language),
                })
              : t('measure.ongoing', { from: formatDate(m.startsOn, i18n.language) })}
          </List.Item>
        ))}
      </List>
      {editable ? (
        <DrawerForm
          title={t('measure.add')}
          onSubmit={(close) => {
            if (!form.check(ZAddMeasureRequest, body())) return;
            add.mutate(undefined, {
              onSuccess: () => {
                setTitle('');
                setStartsOn('');
                setEndsOn('');
                close();
              },
            });
          }}
          onClose={form.clear}
          error={error}
          pending={add.isPending}
          submitLabel={t('measure.add')}
        >
          <NativeSelect
            label={t('measure.section')}
            value={section}
            onChange={(e) => setSection(e.currentTarget.value as TMeasureSection)}
            data={(['s32', 's30'] as const).map((s) => ({ value: s, label: t(`measure.sections.${s}`) }))}
            data-autofocus
          />
          <TextInput
            label={t('measure.what')}
            withAsterisk
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(error, 'title')}
          />
          <Group align="start" grow>
            <TextInput
              type="date"
              label={t('measure.startsOn')}
              withAsterisk
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              error={fieldError(error, 'startsOn')}
            />
            <TextInput
              type="date"
              label={t('measure.endsOn')}
              value={endsOn}
              min={startsOn || undefined}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
              error={fieldError(error, 'endsOn')}
            />
          </Group>
        </DrawerForm>
      ) : null}
    </TitledSection>
  );
}
