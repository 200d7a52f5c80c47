import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { AlertReason } from './alert-reason';
import { alertTitleKey } from './alert-title';
import { markAlertRead, type TAlert } from './queries';

/** The user's alerts, each saying why it came, with a way to the child and to mark it read. */
export function AlertList({ alerts }: { alerts: TAlert[] }) {
  const { t, i18n } = useTranslation('concerns');
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  async function read(id: string) {
    setError(null);
    try {
      await markAlertRead(id);
      await queryClient.invalidateQueries({ queryKey: ['alerts'] });
    } catch (e) {
      setError(e);
    }
  }
  return (
    <>
      <ErrorAlert error={error} />
      <ul className="plain-list">
        {alerts.map((a) => {
          const child = a.childName ?? '';
          return (
            <li key={a.id}>
              <Paper withBorder p="sm" mb="sm" className={a.readAt ? undefined : 'alert-unread'}>
                <Stack gap={4}>
                  <Group justify="space-between" gap="xs">
                    <Group gap="xs">
                      <Badge variant={a.readAt ? 'outline' : 'filled'} color={a.readAt ? 'gray.8' : 'blue.9'}>
                        {a.readAt ? t('alerts.read') : t('alerts.unread')}
                      </Badge>
                      <Text fw={700}>{t(`alerts.kind.${alertTitleKey(a)}`, { defaultValue: a.kind })}</Text>
                      {child ? <Text fw={700}>– {child}</Text> : null}
                    </Group>
                    <Text size="sm">{formatDateTime(a.createdAt, i18n.language)}</Text>
                  </Group>
                  <Text>
                    <strong>{t('alerts.reasonTitle')}:</strong>{' '}
                    <AlertReason reason={a.reason} factorLabels={a.factorLabels} />
                  </Text>
                  <Group gap="sm">
                    {a.childId ? (
                      <AnchorLink to="/boern/$childId" params={{ childId: a.childId }}>
                        {t('alerts.openChild', { child })}
                      </AnchorLink>
                    ) : null}
                    {!a.childId && a.link ? <a href={a.link}>{t('alerts.open')}</a> : null}
                    {a.readAt ? null : (
                      <Button size="xs" variant="light" onClick={() => read(a.id)}>
                        {t('alerts.markRead')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Paper>
            </li>
          );
        })}
      </ul>
    </>
  );
}
