import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { signNames } from './labels';
import { handleguideQuery } from './queries';
import type { TConcern } from './types';

/** Concerns as a timeline, newest first: when, who (profession and unit), the signs, what they saw and chose. */
export function ConcernTimeline({ concerns }: { concerns: TConcern[] }) {
  const { t, i18n } = useTranslation('concerns');
  const guide = useQuery(handleguideQuery);
  return (
    <ol className="plain-list concern-timeline">
      {concerns.map((c) => (
        <li key={c.id}>
          <Paper withBorder p="sm" mb="sm">
            <Stack gap={4}>
              <Group gap="xs" justify="space-between">
                <Text fw={700}>{formatDate(c.createdAt.slice(0, 10), i18n.language)}</Text>
                <Group gap="xs">
                  {c.acute ? (
                    <Badge color="red.9" variant="filled">
                      {t('concern.acute')}
                    </Badge>
                  ) : null}
                  <Badge color="gray.8" variant="outline">
                    {t(`level.${c.level}`)}
                  </Badge>
                </Group>
              </Group>
              <Text size="sm">
                {t('concern.recordedBy', {
                  name: c.createdByName,
                  profession: t(`profession.${c.profession}`),
                  unit: c.unitName,
                })}
              </Text>
              <Text size="sm">
                <strong>{t('concern.signs')}:</strong> {signNames(c.signs, guide.data, i18n.language)}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>
              {c.factorCodes.length > 0 ? (
                <Text size="sm">
                  <strong>{t('concern.factors')}:</strong> {c.factorCodes.join(', ')}
                </Text>
              ) : null}
              <Text size="sm">
                <strong>{t('concern.action')}:</strong> {c.actionText}
              </Text>
            </Stack>
          </Paper>
        </li>
      ))}
    </ol>
  );
}
