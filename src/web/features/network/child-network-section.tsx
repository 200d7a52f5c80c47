import { Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TChildNetwork, TNetworkPerson } from '../../../shared/schemas/network-views';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { TitledSection } from '../../components/titled-section';
import { can, useMe } from '../auth/session';
import { NetworkConsiderations } from './network-considerations';
import { NetworkPersonForm } from './network-person-form';
import { childNetworkQuery } from './queries';

const ROLE_COLOR = { resource: 'teal', strain: 'red', both: 'yellow' } as const;

/**
 * The child's network (issue 16, item 1): the people around the child, shared with the siblings the reader
 * reaches, and recording or changing one. On the child's profile and on its case.
 */
export function ChildNetworkSection({ childId }: { childId: string }) {
  const { t } = useTranslation('network');
  const me = useMe();
  if (!can(me, 'read:network:unit') && !can(me, 'read:network:team')) return null;
  return (
    <TitledSection id="network-title" title={t('title')}>
      <Text mb="sm">{t('intro')}</Text>
      <ChildNetwork childId={childId} />
      <NetworkConsiderations childId={childId} />
    </TitledSection>
  );
}

function ChildNetwork({ childId }: { childId: string }) {
  const { t } = useTranslation('network');
  const network = useQuery(childNetworkQuery(childId));
  const [editing, setEditing] = useState<string | null>(null);
  if (network.isPending) return <Loader aria-label={t('loading')} />;
  if (network.error) {
    const noAccess = network.error instanceof ApiError && network.error.status === 404;
    return noAccess ? <Text>{t('noAccess')}</Text> : <ErrorAlert error={network.error} />;
  }
  const data = network.data;
  return (
    <Stack gap="sm">
      {data.persons.length === 0 ? <Text>{t('none')}</Text> : null}
      {data.persons.map((p) =>
        editing === p.id ? (
          <FormCard key={p.id} title={t('editTitle', { name: p.name })}>
            <NetworkPersonForm network={data} person={p} onDone={() => setEditing(null)} />
          </FormCard>
        ) : (
          <PersonCard
            key={p.id}
            person={p}
            network={data}
            onEdit={data.canWrite ? () => setEditing(p.id) : undefined}
          />
        ),
      )}
      {data.canWrite ? (
        editing === 'new' ? (
          <FormCard title={t('addTitle')}>
            <NetworkPersonForm network={data} onDone={() => setEditing(null)} />
          </FormCard>
        ) : (
          <Group>
            <Button variant="light" onClick={() => setEditing('new')}>
              {t('add')}
            </Button>
          </Group>
        )
      ) : null}
    </Stack>
  );
}

function FormCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function PersonCard({
  person: p,
  network,
  onEdit,
}: {
  person: TNetworkPerson;
  network: TChildNetwork;
  onEdit?: () => void;
}) {
  const { t, i18n } = useTranslation('network');
  const own = p.children.find((c) => c.childId === network.child.id);
  const others = p.children.filter((c) => c.childId !== network.child.id);
  const contact = [p.phone, p.email].filter(Boolean).join(' · ');
  return (
    <Paper withBorder p="sm" aria-label={p.name} component="article">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h5">
              {p.name}
            </Title>
            <Text size="sm">
              {t(`relation.${p.relation}`)}
              {p.relationNote ? ` (${p.relationNote})` : ''}
              {own ? ` · ${t(`tie.${own.tie}`)}` : ''}
              {own?.step ? ` · ${t('step')}` : ''}
            </Text>
          </div>
          <Badge variant="light" color={ROLE_COLOR[p.role]}>
            {t(`role.${p.role}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('contact')}: {contact || t('noContact')}
        </Text>
        {p.canOffer ? (
          <Text size="sm">
            {t('canOffer')}: {p.canOffer}
          </Text>
        ) : null}
        <Text size="sm">
          {t('guardians')}: {t(`agreement.${p.guardiansAgreement}`)}
          {p.guardiansAgreedOn
            ? ` ${t('agreedOn', { date: formatDate(p.guardiansAgreedOn, i18n.language) })}`
            : ''}
          {own?.childAgreement ? ` · ${t('childAgreement')}: ${t(`agreement.${own.childAgreement}`)}` : ''}
        </Text>
        {others.length > 0 || p.otherChildren > 0 ? (
          <Text size="sm">
            {t('sharedWith')}: {others.map((c) => c.firstName).join(', ')}
            {p.otherChildren > 0 ? ` ${t('otherChildren', { count: p.otherChildren })}` : ''}
          </Text>
        ) : null}
        {onEdit ? (
          <Group mt={4}>
            <Button size="xs" variant="default" onClick={onEdit} aria-label={`${t('edit')} ${p.name}`}>
              {t('edit')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
