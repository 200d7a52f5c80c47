import {
  Button,
  Checkbox,
  Drawer,
  Fieldset,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TCase, ZSavePlanRequest } from '../../../shared/schemas/cases';
import { useFormCheck } from '../../components/check-input';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { TitledSection } from '../../components/titled-section';
import { can, useMe } from '../auth/session';
import { ReferralForm } from '../referrals/referral-form';
import { caseApi, protectiveFactorsQuery } from './queries';
import { todayIso, useCaseMutation } from './use-case-mutation';

/** The case's § 32 measures in force today: what a referral from the plan may rest on. */
function currentS32(c: TCase): { id: string; title: string }[] {
  const today = todayIso();
  return c.measures
    .filter((m) => m.section === 's32' && m.startsOn <= today && (m.endsOn === null || m.endsOn >= today))
    .map((m) => ({ id: m.id, title: m.title }));
}

interface TGoalDraft {
  key: number;
  text: string;
  factorCodes: string[];
}

/** Barnets plan: concrete goals, each with the protective factors it strengthens, and the child's wishes. */
export function PlanSection({ c, editable }: { c: TCase; editable: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const { t: to } = useTranslation('offers');
  const { t: tc } = useTranslation();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [referring, setReferring] = useState<number | null>(null);
  const canRefer = can(me, 'write:referral:team') && c.status === 'open';
  const youth = (c.plan?.kind ?? c.deadlines.planKind) === 'youthPlan';
  const title = youth ? t('plan.youthTitle') : t('plan.title');
  return (
    <TitledSection id="case-plan" title={title}>
      <Text mb="xs">{t('plan.intro')}</Text>
      {c.plan ? (
        <Stack gap="xs">
          <Text>
            {t('plan.madeOn')}: {formatDate(c.plan.madeOn, i18n.language)}
          </Text>
          <Text fw={700}>{t('plan.wishes')}</Text>
          <Text>{c.plan.childWishes}</Text>
          <List type="ordered">
            {c.plan.goals.map((g, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: goals are shown in their saved order
              <List.Item key={`${i}-${g.text}`}>
                {g.text}{' '}
                <Text span size="sm">
                  ({t('plan.strengthens')}: {g.factors.map((f) => f.label).join(', ')})
                </Text>
                {canRefer && referring !== i + 1 ? (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    ml="xs"
                    aria-label={to('referrals.referFromGoalNamed', { position: i + 1, text: g.text })}
                    onClick={() => setReferring(i + 1)}
                  >
                    {to('referrals.referFromGoal')}
                  </Button>
                ) : null}
                {canRefer && referring === i + 1 && c.plan ? (
                  <Paper withBorder p="md" mt="xs">
                    <ReferralForm
                      childId={c.child.id}
                      childAge={c.child.age}
                      origin={{ kind: 'goal', planId: c.plan.id, position: i + 1, text: g.text }}
                      measures={currentS32(c)}
                      onDone={() => setReferring(null)}
                    />
                  </Paper>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {!c.plan ? <Text>{t('plan.none')}</Text> : null}
      {editable ? (
        <Button mt="sm" variant="light" onClick={() => setEditing(true)}>
          {c.plan ? t('plan.edit') : t('plan.title')}
        </Button>
      ) : null}
      <Drawer
        opened={editable && editing}
        onClose={() => setEditing(false)}
        position="right"
        size="xl"
        title={c.plan ? t('plan.edit') : title}
        closeButtonProps={{ 'aria-label': tc('confirm.close') }}
      >
        <PlanForm c={c} onDone={() => setEditing(false)} />
      </Drawer>
    </TitledSection>
  );
}

let nextKey = 1;

function PlanForm({ c, onDone }: { c: TCase; onDone: () => void }) {
  const { t, i18n } = useTranslation('cases');
  const factors = useQuery(protectiveFactorsQuery);
  const [wishes, setWishes] = useState(c.plan?.childWishes ?? '');
  const [madeOn, setMadeOn] = useState(c.plan?.madeOn ?? todayIso());
  const [goals, setGoals] = useState<TGoalDraft[]>(
    c.plan?.goals.map((g) => ({
      key: nextKey++,
      text: g.text,
      factorCodes: g.factors.map((f) => f.code),
    })) ?? [{ key: nextKey++, text: '', factorCodes: [] }],
  );
  const form = useFormCheck();
  const body = () => ({
    version: c.plan?.version,
    madeOn,
    childWishes: wishes,
    goals: goals.map((g) => ({ text: g.text, factorCodes: g.factorCodes })),
  });
  const save = useCaseMutation(c.id, () => caseApi.plan(c.id, body()));
  const error = form.problem ?? save.error;
  const update = (key: number, patch: Partial<TGoalDraft>) =>
    setGoals((list) => list.map((g) => (g.key === key ? { ...g, ...patch } : g)));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (form.check(ZSavePlanRequest, body(), { madeOn })) save.mutate(undefined, { onSuccess: onDone });
      }}
    >
      <Stack mt="sm">
        <ErrorAlert error={error} />
        <Textarea
          label={t('plan.wishes')}
          withAsterisk
          value={wishes}
          onChange={(e) => setWishes(e.currentTarget.value)}
          error={fieldError(error, 'childWishes')}
          autosize
          minRows={2}
        />
        <TextInput
          type="date"
          label={t('plan.madeOn')}
          withAsterisk
          value={madeOn}
          max={todayIso()}
          onChange={(e) => setMadeOn(e.currentTarget.value)}
          error={fieldError(error, 'madeOn')}
        />
        {fieldError(error, 'goals') && goals.length === 0 ? (
          <Text c="red.9">{fieldError(error, 'goals')}</Text>
        ) : null}
        {goals.map((g, i) => (
          <Fieldset key={g.key} legend={t('plan.goal', { n: i + 1 })}>
            <Stack>
              <TextInput
                label={t('plan.goalText', { n: i + 1 })}
                value={g.text}
                onChange={(e) => update(g.key, { text: e.currentTarget.value })}
                error={fieldError(error, `goals.${i}.text`)}
              />
              <Checkbox.Group
                label={t('plan.factors', { n: i + 1 })}
                value={g.factorCodes}
                onChange={(v) => update(g.key, { factorCodes: v })}
                error={fieldError(error, `goals.${i}.factorCodes`)}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                  {(factors.data ?? []).map((f) => (
                    <Checkbox
                      key={f.code}
                      value={f.code}
                      label={i18n.language === 'en' ? f.labelEn : f.labelDa}
                    />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Group>
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => setGoals((list) => list.filter((x) => x.key !== g.key))}
                >
                  {t('plan.removeGoal', { n: i + 1 })}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() => setGoals((list) => [...list, { key: nextKey++, text: '', factorCodes: [] }])}
          >
            {t('plan.addGoal')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('plan.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('open.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
