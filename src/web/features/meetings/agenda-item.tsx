import { Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMeeting, TMeetingItem } from '../../../shared/schemas/meetings';
import { FormDrawer } from '../../components/form-drawer';
import { AccessBadge } from './access-badge';
import { ActionsTable, AddActionForm } from './actions-table';
import { ChildThroughMeeting } from './child-through-meeting';
import { FollowUpForm } from './follow-up-form';
import { MinutesForm } from './minutes-form';

/** One agenda item: its basis, the child as far as it allows, minutes, actions and follow-up. */
export function AgendaItem({ item, meeting }: { item: TMeetingItem; meeting: TMeeting }) {
  const { t } = useTranslation('meetings');
  const [showChild, setShowChild] = useState(false);
  const open = item.kind === 'anonymous' || item.access?.allowed === true;
  // An item starts with empty minutes; they are written once any part of them is.
  const m = item.minutes;
  const written = Boolean(
    m && (m.worried || m.workingWell || m.nextSteps || m.decisions || m.scaling !== null),
  );
  const heading = item.child
    ? t('item.headingNamed', { position: item.position, name: item.child.name })
    : item.kind === 'named'
      ? t('item.headingClosed', { position: item.position })
      : t('item.headingAnonymous', { position: item.position });
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`item-${item.id}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={`item-${item.id}`}>
            {heading}
          </Title>
          <AccessBadge item={item} />
        </Group>
        {item.topic ? <Text>{item.topic}</Text> : null}
        {item.followUpReason ? (
          <Text size="sm">
            {t('item.followUpReason')}: {item.followUpReason}
          </Text>
        ) : null}
        {!open ? <Text>{t('item.closed')}</Text> : null}
        {item.child && open ? (
          <div>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setShowChild((v) => !v)}
              aria-expanded={showChild}
            >
              {showChild ? t('item.hideChild') : t('item.showChild')}
            </Button>
            {showChild ? <ChildThroughMeeting itemId={item.id} /> : null}
          </div>
        ) : null}
        {open && item.minutes && written ? (
          <Stack gap={4}>
            <Text size="sm">
              {t('minutes.worried')}: {item.minutes.worried || '–'}
            </Text>
            <Text size="sm">
              {t('minutes.workingWell')}: {item.minutes.workingWell || '–'}
            </Text>
            <Text size="sm">
              {t('minutes.nextSteps')}: {item.minutes.nextSteps || '–'}
            </Text>
            <Text size="sm">
              {t('minutes.decisions')}: {item.minutes.decisions || '–'}
            </Text>
          </Stack>
        ) : null}
        {open && meeting.canWriteMinutes ? (
          <FormDrawer
            title={t('minutes.formLabel', { position: item.position })}
            openLabel={written ? t('minutes.edit') : t('minutes.write')}
          >
            {(close) => <MinutesForm item={item} meetingId={meeting.id} onDone={close} />}
          </FormDrawer>
        ) : null}
        {item.actions.length > 0 || (open && meeting.canWriteMinutes) ? (
          <>
            <Divider />
            <Text fw={700}>{t('actions.heading')}</Text>
            <ActionsTable
              actions={item.actions}
              meeting={meeting}
              position={item.position}
              childId={open ? item.child?.id : undefined}
            />
            {open && meeting.canWriteMinutes ? (
              <FormDrawer title={t('actions.add')}>
                {(close) => <AddActionForm itemId={item.id} meeting={meeting} onDone={close} />}
              </FormDrawer>
            ) : null}
          </>
        ) : null}
        {open && meeting.canWriteMinutes && item.minutes?.followUpOn ? (
          <>
            <Divider />
            {item.followUp ? (
              <Text size="sm">{t('followUp.recorded', { helped: t(`helped.${item.followUp.helped}`) })}</Text>
            ) : null}
            <FormDrawer
              title={t('followUp.formLabel', { position: item.position })}
              openLabel={t('followUp.record')}
            >
              {(close) => <FollowUpForm item={item} key={`f${item.version}`} onDone={close} />}
            </FormDrawer>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
