import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TCase, ZCloseCaseRequest } from '../../../shared/schemas/cases';
import { useFormCheck } from '../../components/check-input';
import { DrawerForm } from '../../components/drawer-form';
import { fieldError } from '../../components/field-errors';
import { caseApi } from './queries';
import { useCaseMutation } from './use-case-mutation';

/** Closing a case cannot be undone: it needs a reason and asks before it runs. */
export function CloseCaseForm({ c }: { c: TCase }) {
  const { t } = useTranslation('cases');
  const [reason, setReason] = useState('');
  const form = useFormCheck();
  const body = () => ({ version: c.version, reason });
  const close = useCaseMutation(c.id, () => caseApi.close(c.id, body()));
  const error = form.problem ?? close.error;
  return (
    <DrawerForm
      title={t('close.title')}
      check={() => form.check(ZCloseCaseRequest, body())}
      onSubmit={(done) => close.mutate(undefined, { onSuccess: done })}
      onClose={form.clear}
      error={error}
      pending={close.isPending}
      submitLabel={t('close.title')}
      confirm={t('close.confirm')}
    >
      <Textarea
        label={t('close.reason')}
        withAsterisk
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(error, 'reason')}
        autosize
        minRows={3}
        data-autofocus
      />
    </DrawerForm>
  );
}
