import { List, Loader, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { itemChildQuery } from './queries';

/** The named child as the basis lets participants see it; fetching it is an audited read. */
export function ChildThroughMeeting({ itemId }: { itemId: string }) {
  const { t, i18n } = useTranslation('meetings');
  const child = useQuery(itemChildQuery(itemId));
  if (child.isPending) return <Loader aria-label={t('loading')} />;
  if (!child.data) return <ErrorAlert error={child.error} />;
  const c = child.data;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text fw={700}>
          {c.child.name}, {t('child.age', { age: c.child.age })}
        </Text>
        <Text size="sm">
          {t('child.units')}: {c.child.units.join(', ') || '–'}
        </Text>
        <Text size="sm">
          {t('child.shownBecause')}: {t(`basis.${c.basis}`)} (
          {c.infoKinds.map((k) => t(`kind.${k}`)).join(', ')})
        </Text>
        {c.wellbeing ? (
          <Text size="sm">
            {t('child.wellbeing', {
              date: formatDate(c.wellbeing.assessedOn, i18n.language),
              position: t(`position.${c.wellbeing.position}`),
            })}
          </Text>
        ) : null}
        {c.concerns ? (
          <div>
            <Text size="sm" fw={700}>
              {t('child.concerns')}
            </Text>
            {c.concerns.length === 0 ? <Text size="sm">–</Text> : null}
            <List size="sm">
              {c.concerns.map((k) => (
                <List.Item key={k.id}>
                  {formatDate(k.createdAt, i18n.language)} ({t('child.level', { level: k.level })}):{' '}
                  {k.description}
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {c.earlierMeetings && c.earlierMeetings.length > 0 ? (
          <div>
            <Text size="sm" fw={700}>
              {t('child.earlier')}
            </Text>
            <List size="sm">
              {c.earlierMeetings.map((m) => (
                <List.Item key={`${m.meetingOn}${m.title}`}>
                  {formatDate(m.meetingOn, i18n.language)} – {m.title}: {m.decisions || '–'}
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}
