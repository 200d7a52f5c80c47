import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import { matchCandidatesQuery, matchNotification } from './queries';
import type { TNotificationDetail } from './types';

/** Finds the child the notification is about and matches it to the child record. */
export function MatchPanel({ notification }: { notification: TNotificationDetail }) {
  const { t, i18n } = useTranslation('notifications');
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const candidates = useQuery(matchCandidatesQuery(notification.id, q));

  async function match(childId: string) {
    setBusy(true);
    setError(null);
    try {
      await matchNotification(notification.id, childId, notification.version);
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function search(event: FormEvent) {
    event.preventDefault();
    setQ(text.trim());
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2}>{t('match.title')}</Title>
        <Text>{notification.child.id ? t('match.matchedIntro') : t('match.intro')}</Text>
        <form onSubmit={search}>
          <Group align="flex-end">
            <TextInput
              label={t('match.search')}
              description={t('match.searchHint')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Button type="submit" variant="light">
              {t('match.searchButton')}
            </Button>
          </Group>
        </form>
        <ErrorAlert error={error ?? candidates.error} />
        {candidates.data && candidates.data.length === 0 ? <Text>{t('match.none')}</Text> : null}
        {candidates.data && candidates.data.length > 0 ? (
          <ScrollTable>
            <Table>
              <Table.Caption>{t('match.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('match.name')}</Table.Th>
                  <Table.Th scope="col">{t('match.birthDate')}</Table.Th>
                  <Table.Th scope="col">{t('match.cpr')}</Table.Th>
                  <Table.Th scope="col">{t('match.address')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('match.action')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {candidates.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      {c.firstName} {c.lastName}
                    </Table.Td>
                    <Table.Td>{formatDate(c.birthDate, i18n.language)}</Table.Td>
                    <Table.Td>{c.cprMasked}</Table.Td>
                    <Table.Td>{c.address ?? '–'}</Table.Td>
                    <Table.Td>
                      {notification.child.id === c.id ? (
                        <Text span fw={700}>
                          {t('match.current')}
                        </Text>
                      ) : (
                        <Button
                          size="xs"
                          disabled={busy}
                          onClick={() => void match(c.id)}
                          aria-label={t('match.matchNamed', { name: `${c.firstName} ${c.lastName}` })}
                        >
                          {t('match.match')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : null}
      </Stack>
    </Paper>
  );
}
