import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { signLabel } from '../concerns/labels';
import { handleguideQuery } from '../concerns/queries';
import type { TGuideSign } from '../concerns/types';
import { saveSign, type TSignActionInput } from './save-sign';

interface TProps {
  /** null: closed; 'new': add a sign; a sign: edit it. */
  target: TGuideSign | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}

export function SignModal({ target, onClose, onSaved }: TProps) {
  const { t, i18n } = useTranslation('concerns');
  const title =
    target === 'new' || target === null
      ? t('handleguide.modalAdd')
      : t('handleguide.modalEdit', { sign: signLabel(target, i18n.language) });
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={title}
      size="xl"
      closeButtonProps={{ 'aria-label': t('handleguide.close') }}
    >
      {target ? (
        <SignForm
          key={target === 'new' ? 'new' : target.code}
          target={target}
          onSaved={onSaved}
          onCancel={onClose}
        />
      ) : null}
    </Modal>
  );
}

const EMPTY_ACTION: TSignActionInput = {
  level: 1,
  code: '',
  titleDa: '',
  titleEn: '',
  guidanceDa: '',
  guidanceEn: '',
  links: [],
};

function SignForm({
  target,
  onSaved,
  onCancel,
}: {
  target: TGuideSign | 'new';
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('concerns');
  const queryClient = useQueryClient();
  const existing = target === 'new' ? null : target;
  const [code, setCode] = useState(existing?.code ?? '');
  const [labelDa, setLabelDa] = useState(existing?.labelDa ?? '');
  const [labelEn, setLabelEn] = useState(existing?.labelEn ?? '');
  const [acute, setAcute] = useState(existing?.acute ?? false);
  const [active, setActive] = useState(existing?.active ?? true);
  const [actions, setActions] = useState<TSignActionInput[]>(
    existing?.actions.map((a) => ({
      level: a.level,
      code: a.code,
      titleDa: a.titleDa,
      titleEn: a.titleEn,
      guidanceDa: a.guidanceDa,
      guidanceEn: a.guidanceEn,
      links: a.links,
    })) ?? [],
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const update = (i: number, patch: Partial<TSignActionInput>) =>
    setActions(actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await saveSign(code, {
        ...(existing ? { version: existing.version } : {}),
        labelDa,
        labelEn,
        acute,
        active,
        sortOrder: existing?.sortOrder ?? 100,
        actions: actions.map((a) => ({ ...a, links: a.links.filter((l) => l.url || l.label) })),
      });
      await queryClient.invalidateQueries({ queryKey: handleguideQuery.queryKey });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        <TextInput
          label={t('handleguide.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          disabled={existing !== null}
          required
        />
        <TextInput
          label={t('handleguide.labelDa')}
          value={labelDa}
          onChange={(e) => setLabelDa(e.currentTarget.value)}
          error={fieldError(error, 'labelDa')}
          required
        />
        <TextInput
          label={t('handleguide.labelEn')}
          value={labelEn}
          onChange={(e) => setLabelEn(e.currentTarget.value)}
          error={fieldError(error, 'labelEn')}
          required
        />
        <Checkbox
          label={t('handleguide.acute')}
          description={t('handleguide.acuteHint')}
          checked={acute}
          onChange={(e) => setAcute(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('handleguide.activeLabel')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        {actions.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id until saved; order is the identity
          <Fieldset key={i} legend={t('handleguide.actionLegend', { n: i + 1 })}>
            <Stack gap="xs">
              <Group grow>
                <NativeSelect
                  label={t('handleguide.actionLevel')}
                  value={String(a.level)}
                  onChange={(e) => update(i, { level: Number(e.currentTarget.value) as 1 | 2 | 3 | 4 })}
                  error={fieldError(error, `actions.${i}.level`)}
                  data={['1', '2', '3', '4'].map((l) => ({ value: l, label: t(`level.${l}`) }))}
                />
                <TextInput
                  label={t('handleguide.actionCode')}
                  value={a.code}
                  onChange={(e) => update(i, { code: e.currentTarget.value })}
                  error={fieldError(error, `actions.${i}.code`)}
                  required
                />
              </Group>
              <Group grow>
                <TextInput
                  label={t('handleguide.titleDa')}
                  value={a.titleDa}
                  onChange={(e) => update(i, { titleDa: e.currentTarget.value })}
                  error={fieldError(error, `actions.${i}.titleDa`)}
                  required
                />
                <TextInput
                  label={t('handleguide.titleEn')}
                  value={a.titleEn}
                  onChange={(e) => update(i, { titleEn: e.currentTarget.value })}
                  error={fieldError(error, `actions.${i}.titleEn`)}
                  required
                />
              </Group>
              <Textarea
                label={t('handleguide.guidanceDa')}
                value={a.guidanceDa}
                onChange={(e) => update(i, { guidanceDa: e.currentTarget.value })}
                autosize
                minRows={2}
              />
              <Textarea
                label={t('handleguide.guidanceEn')}
                value={a.guidanceEn}
                onChange={(e) => update(i, { guidanceEn: e.currentTarget.value })}
                autosize
                minRows={2}
              />
              <Group grow>
                <TextInput
                  label={t('handleguide.linkLabel')}
                  value={a.links[0]?.label ?? ''}
                  onChange={(e) =>
                    update(i, { links: [{ url: a.links[0]?.url ?? '', label: e.currentTarget.value }] })
                  }
                  error={fieldError(error, `actions.${i}.links`)}
                />
                <TextInput
                  label={t('handleguide.linkUrl')}
                  value={a.links[0]?.url ?? ''}
                  onChange={(e) =>
                    update(i, { links: [{ label: a.links[0]?.label ?? '', url: e.currentTarget.value }] })
                  }
                />
              </Group>
              <div>
                <Button
                  variant="subtle"
                  color="red.9"
                  onClick={() => setActions(actions.filter((_, j) => j !== i))}
                >
                  {t('handleguide.removeAction', { n: i + 1 })}
                </Button>
              </div>
            </Stack>
          </Fieldset>
        ))}
        <div>
          <Button
            variant="light"
            onClick={() => setActions([...actions, { ...EMPTY_ACTION, level: acute ? 4 : 1 }])}
          >
            {t('handleguide.addAction')}
          </Button>
        </div>
        <Group>
          <Button type="submit" loading={busy}>
            {t('handleguide.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('handleguide.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
