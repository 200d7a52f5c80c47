import { Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import { factorElementId } from './factor-fieldset';
import type { TFormFactor } from './form-model';
import { OwnComparison } from './own-comparison';
import { PositionBadge } from './position';
import type { TAssessment, TOwnAssessments } from './types';

function Recorded({ by, on }: { by: string; on: string }) {
  const { t, i18n } = useTranslation('assessments');
  return (
    <Text size="sm" mt={4}>
      {t('summary.recorded', { by, on: formatDate(on, i18n.language) })}
    </Text>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

/**
 * A locked assessment, or another adult's own one, to read: the position, the factors that were judged
 * (with reasons), the child's voice and the parents' view. No disabled form fields to squint at.
 */
export function AssessmentSummary({
  assessment: a,
  factors,
  own,
}: {
  assessment: TAssessment;
  /** The catalogue's factors in the form's order and the reader's language. */
  factors: TFormFactor[];
  own?: TOwnAssessments;
}) {
  const { t } = useTranslation('assessments');
  const byCode = new Map(a.factors.map((f) => [f.code, f]));
  const disagree = new Set((own?.factors ?? []).filter((f) => f.disagree).map((f) => f.code));
  const judged = factors.filter((f) => {
    const value = byCode.get(f.code);
    return value && (value.state !== 'unknown' || value.reason);
  });
  const unknown = a.factors.length - judged.length;
  const voice = a.childVoice;

  return (
    <Stack gap="xl">
      {a.mode === 'joint' && own ? (
        <Part id="own-heading" title={t('joint.heading')}>
          <OwnComparison own={own} labelOf={(code) => factors.find((f) => f.code === code)?.label ?? ''} />
        </Part>
      ) : null}
      <Part id="summary-position" title={t('form.position')}>
        <PositionBadge position={a.position} />
      </Part>
      <Part id="summary-factors" title={t('summary.factors')}>
        {(['protective', 'risk'] as const).map((kind) => {
          const rows = judged.filter((f) => f.kind === kind);
          if (rows.length === 0) return null;
          return (
            <ScrollTable key={kind}>
              <Table captionSide="top" striped mb="md">
                <Table.Caption>{t(`kind.${kind}`)}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('profile.factor')}</Table.Th>
                    <Table.Th scope="col">{t('summary.domain')}</Table.Th>
                    <Table.Th scope="col">{t('summary.state')}</Table.Th>
                    <Table.Th scope="col">{t('summary.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((f) => {
                    const value = byCode.get(f.code);
                    return (
                      <Table.Tr key={f.code} id={factorElementId(f.code)}>
                        <Table.Th scope="row" fw={400}>
                          {f.label}
                          {disagree.has(f.code) ? (
                            <>
                              {' '}
                              <span className="disagree-mark">
                                <span aria-hidden="true">≠</span>
                                {t('form.disagree')}
                              </span>
                            </>
                          ) : null}
                        </Table.Th>
                        <Table.Td>{t(`domain.${f.domain}`, { defaultValue: f.domain })}</Table.Td>
                        <Table.Td className="state-cell" data-state={value?.state} data-kind={f.kind}>
                          {value ? t(`state.${value.state}`) : ''}
                        </Table.Td>
                        <Table.Td>{value?.reason ?? ''}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          );
        })}
        <Text size="sm">{t('summary.unknown', { count: unknown })}</Text>
      </Part>
      <Part id="summary-voice" title={t('voice.heading')}>
        {!voice ? <Text>{t('summary.none')}</Text> : null}
        {voice?.kind === 'observed' ? <Text className="pre-line">{voice.text}</Text> : null}
        {voice?.kind === 'faces' ? (
          <>
            <ul>
              {voice.answers.map((answer) => (
                <li key={answer.question}>
                  {answer.question} <strong>{t(`voice.face.${answer.face}`)}</strong> ({answer.face}/5)
                </li>
              ))}
            </ul>
            {voice.words ? <Text className="pre-line">{voice.words}</Text> : null}
          </>
        ) : null}
        {voice?.kind === 'words' ? (
          <>
            <Text className="pre-line">{voice.text}</Text>
            <Text mt={4}>{t('summary.scale', { scale: voice.scale })}</Text>
          </>
        ) : null}
        {voice ? <Recorded by={voice.recordedBy} on={voice.recordedOn} /> : null}
      </Part>
      <Part id="summary-parents" title={t('parents.heading')}>
        {a.parentsView ? (
          <>
            <Text className="pre-line">{a.parentsView.text}</Text>
            <Recorded by={a.parentsView.recordedBy} on={a.parentsView.recordedOn} />
          </>
        ) : (
          <Text>{t('summary.none')}</Text>
        )}
      </Part>
      {a.note ? (
        <Part id="summary-note" title={t('summary.note')}>
          <Text className="pre-line">{a.note}</Text>
        </Part>
      ) : null}
    </Stack>
  );
}
