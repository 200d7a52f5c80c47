import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TFamilyContact, TFamilyView } from '../../../shared/schemas/family-views';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { ScrollTable } from '../../components/scroll-table';
import { TitledSection } from '../../components/titled-section';
import { can, useMe } from '../auth/session';
import { ConferenceTable } from '../conferences/conference-table';
import { familyQuery } from './queries';

const familyApi = getRouteApi('/app/boern/$childId/familie');

/**
 * One view of a child's family (issue 16, item 5; decision 030): the siblings the reader reaches, each through
 * the reader's own relation, whom the family can call about whom, the family's network and its conferences.
 */
export function FamilyPage() {
  const { t } = useTranslation('network');
  const { childId } = familyApi.useParams();
  const family = useQuery(familyQuery(childId));
  const notFound =
    family.error instanceof ApiError && (family.error.status === 404 || family.error.status === 400);
  usePageTitle(
    family.data?.familyName
      ? t('family.titleNamed', { name: family.data.familyName })
      : notFound
        ? t('family.notFound')
        : t('family.title'),
  );
  if (family.isPending) return <Loader aria-label={t('family.loading')} />;
  if (notFound)
    return (
      <>
        <Title order={1}>{t('family.notFound')}</Title>
        <Text mt="md">{t('family.notFoundBody')}</Text>
      </>
    );
  if (!family.data)
    return (
      <>
        <Title order={1}>{t('family.title')}</Title>
        <ErrorAlert error={family.error} />
      </>
    );
  return <Family view={family.data} />;
}

function Family({ view }: { view: TFamilyView }) {
  const { t } = useTranslation('network');
  const me = useMe();
  const asked = view.members.find((m) => m.id === view.childId);
  const conferences = view.members.flatMap((m) => m.conferences);
  return (
    <Stack gap="xl">
      <div>
        {can(me, 'read:child:unit') ? (
          <AnchorLink to="/boern/$childId" params={{ childId: view.childId }} size="sm">
            {t('family.back', { name: asked?.firstName ?? '' })}
          </AnchorLink>
        ) : null}
        <Title order={1} mt="xs">
          {view.familyName ? t('family.titleNamed', { name: view.familyName }) : t('family.title')}
        </Title>
        <Text mt="sm">{t('family.intro')}</Text>
      </div>
      <TitledSection id="family-children-title" title={t('family.children')}>
        <Members view={view} />
        {view.otherChildren > 0 ? (
          <Text mt="sm">{t('family.otherChildren', { count: view.otherChildren })}</Text>
        ) : null}
      </TitledSection>
      <TitledSection id="family-contacts-title" title={t('family.contacts')}>
        <Contacts view={view} />
      </TitledSection>
      <TitledSection id="family-network-title" title={t('family.network')}>
        <Network view={view} />
      </TitledSection>
      <TitledSection id="family-conferences-title" title={t('family.conferences')}>
        {conferences.length === 0 ? (
          <Text>{t('family.noConferences')}</Text>
        ) : (
          <ScrollTable>
            <ConferenceTable items={conferences} caption={t('family.conferences')} />
          </ScrollTable>
        )}
      </TitledSection>
    </Stack>
  );
}

function Members({ view }: { view: TFamilyView }) {
  const { t } = useTranslation('network');
  const me = useMe();
  return (
    <ScrollTable>
      <Table aria-label={t('family.children')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('family.col.child')}</Table.Th>
            <Table.Th scope="col">{t('family.col.age')}</Table.Th>
            <Table.Th scope="col">{t('family.col.units')}</Table.Th>
            <Table.Th scope="col">{t('family.col.access')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Th scope="row">
                {can(me, 'read:child:unit') ? (
                  <AnchorLink to="/boern/$childId" params={{ childId: m.id }}>
                    {m.firstName} {m.lastName}
                  </AnchorLink>
                ) : (
                  `${m.firstName} ${m.lastName}`
                )}
              </Table.Th>
              <Table.Td>{m.age}</Table.Td>
              <Table.Td>{m.units.map((u) => u.name).join(', ') || t('family.noUnits')}</Table.Td>
              <Table.Td>{t(`family.relation.${m.relation}`, { defaultValue: m.relation })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

interface TContactRow extends TFamilyContact {
  role: 'coordinator' | 'caseworker' | 'conferenceCoordinator';
  child: string;
}

function Contacts({ view }: { view: TFamilyView }) {
  const { t } = useTranslation('network');
  const rows: TContactRow[] = view.members.flatMap((m) => [
    ...(m.coordinator ? [{ ...m.coordinator, role: 'coordinator' as const, child: m.firstName }] : []),
    ...m.caseworkers.map((c) => ({ ...c, role: 'caseworker' as const, child: m.firstName })),
    ...m.conferences
      .filter((c) => c.phase !== 'closed')
      .map((c) => ({
        name: c.coordinator,
        email: '',
        place: null,
        role: 'conferenceCoordinator' as const,
        child: m.firstName,
      })),
  ]);
  if (rows.length === 0) return <Text>{t('family.noContacts')}</Text>;
  return (
    <ScrollTable>
      <Table aria-label={t('family.contacts')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('family.col.who')}</Table.Th>
            <Table.Th scope="col">{t('family.col.about')}</Table.Th>
            <Table.Th scope="col">{t('family.col.child')}</Table.Th>
            <Table.Th scope="col">{t('family.col.email')}</Table.Th>
            <Table.Th scope="col">{t('family.col.place')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.role}-${r.child}-${r.name}`}>
              <Table.Th scope="row">{r.name}</Table.Th>
              <Table.Td>{t(`family.contactRole.${r.role}`)}</Table.Td>
              <Table.Td>{r.child}</Table.Td>
              <Table.Td>{r.email || '–'}</Table.Td>
              <Table.Td>{r.place ?? '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Network({ view }: { view: TFamilyView }) {
  const { t } = useTranslation('network');
  if (view.network.length === 0) return <Text>{t('none')}</Text>;
  return (
    <ScrollTable>
      <Table aria-label={t('family.network')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('family.col.who')}</Table.Th>
            <Table.Th scope="col">{t('family.col.relation')}</Table.Th>
            <Table.Th scope="col">{t('family.col.role')}</Table.Th>
            <Table.Th scope="col">{t('family.col.for')}</Table.Th>
            <Table.Th scope="col">{t('contact')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.network.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row">{p.name}</Table.Th>
              <Table.Td>{t(`relation.${p.relation}`)}</Table.Td>
              <Table.Td>{t(`role.${p.role}`)}</Table.Td>
              <Table.Td>
                {p.children.map((c) => c.firstName).join(', ')}
                {p.otherChildren > 0 ? ` ${t('otherChildren', { count: p.otherChildren })}` : ''}
              </Table.Td>
              <Table.Td>{[p.phone, p.email].filter(Boolean).join(', ') || t('noContact')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
