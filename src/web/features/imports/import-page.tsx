import { Button, FileInput, List, NativeSelect, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { roundsQuery } from '../assessments/queries';
import { useMe } from '../auth/session';
import { ErrorReport } from './error-report';
import { base64Of, formatOf, tooBig } from './file';
import { importQuery, startImport } from './queries';

/**
 * Import of joint assessments from another tool: choose an open round and a CSV/XLSX file; the server
 * checks the file at once, then a job checks every row and writes all or nothing while the bar follows it.
 */
export function ImportPage() {
  const { t } = useTranslation('imports');
  usePageTitle(t('title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const rounds = useQuery(roundsQuery);
  const myUnits = new Set((me?.roles ?? []).map((r) => r.unitId).filter(Boolean));
  const open = (rounds.data ?? []).filter(
    (r) => r.status === 'open' && r.units.some((u) => myUnits.has(u.id)),
  );
  const [roundId, setRoundId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);

  const start = useMutation({
    mutationFn: async (input: { roundId: string; file: File }) => {
      const format = formatOf(input.file.name);
      if (!format) throw new Error('format');
      return startImport({
        roundId: input.roundId,
        format,
        fileName: input.file.name,
        content: await base64Of(input.file),
      });
    },
    onSuccess: ({ id }) => setImportId(id),
  });
  const job = useQuery({ ...importQuery(importId ?? ''), enabled: importId !== null });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!roundId || !file) return setProblem(t('form.required'));
    if (!formatOf(file.name)) return setProblem(t('form.wrongType'));
    if (tooBig(file)) return setProblem(t('form.tooBig'));
    start.mutate({ roundId, file });
  };
  const reset = () => {
    if (importId) queryClient.removeQueries({ queryKey: ['imports', importId] });
    setImportId(null);
    setFile(null);
    start.reset();
  };

  const rejected = start.error instanceof ApiError ? start.error : null;
  const current = job.data;
  const running = importId !== null && current?.status !== 'done' && current?.status !== 'failed';

  return (
    <Stack gap="md" maw={900}>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <Paper withBorder p="md" className="import-all-or-nothing">
        <Text fw={700}>{t('allOrNothing')}</Text>
      </Paper>
      <section aria-labelledby="import-formats">
        <Title order={2} size="h4" id="import-formats">
          {t('formats.title')}
        </Title>
        <List mt="xs">
          <List.Item>{t('formats.position')}</List.Item>
          <List.Item>{t('formats.factors')}</List.Item>
          <List.Item>{t('formats.limits')}</List.Item>
        </List>
      </section>

      {importId === null ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {rounds.isSuccess && open.length === 0 ? <Text>{t('form.noRounds')}</Text> : null}
            <NativeSelect
              label={t('form.round')}
              data={[
                { value: '', label: t('form.roundPlaceholder') },
                ...open.map((r) => ({ value: r.id, label: r.name })),
              ]}
              value={roundId ?? ''}
              onChange={(e) => setRoundId(e.currentTarget.value || null)}
              required
            />
            <FileInput
              label={t('form.file')}
              placeholder={t('form.filePlaceholder')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={setFile}
              clearable
              required
            />
            <div aria-live="polite">{problem ? <Text c="red.9">{problem}</Text> : null}</div>
            <ErrorAlert error={start.error} />
            {rejected && rejected.rows.length > 0 ? (
              <ErrorReport rows={rejected.rows} omitted={rejected.omitted} />
            ) : null}
            <div>
              <Button type="submit" loading={start.isPending}>
                {t('form.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      ) : (
        <Stack gap="sm">
          <div aria-live="polite" aria-atomic="true">
            {running ? (
              <Text>
                {t(`progress.${current?.status ?? 'queued'}` as 'progress.queued')}{' '}
                {current
                  ? t('progress.rows', { processed: current.processedRows, total: current.totalRows })
                  : null}
              </Text>
            ) : null}
          </div>
          <Progress.Root size="xl">
            <Progress.Section
              value={current?.percent ?? 0}
              aria-label={t('progress.label')}
              aria-valuetext={t('progress.percent', { percent: current?.percent ?? 0 })}
            >
              <Progress.Label>{t('progress.percent', { percent: current?.percent ?? 0 })}</Progress.Label>
            </Progress.Section>
          </Progress.Root>
          <ErrorAlert error={job.error} />
          <div aria-live="polite">
            {current?.status === 'done' ? (
              <Paper withBorder p="md">
                <Title order={2} size="h4">
                  {t('done.title')}
                </Title>
                <Text>{t('done.text', { count: current.created, file: current.fileName })}</Text>
              </Paper>
            ) : null}
            {current?.status === 'failed' ? (
              <Paper withBorder p="md" className="error-box">
                <Title order={2} size="h4">
                  {t('failed.title')}
                </Title>
                <Text>{t('failed.text', { file: current.fileName })}</Text>
                {current.errorReport?.message ? <Text mt="xs">{current.errorReport.message}</Text> : null}
              </Paper>
            ) : null}
          </div>
          {current?.status === 'failed' && current.errorReport ? (
            <ErrorReport rows={current.errorReport.rows} omitted={current.errorReport.omitted ?? 0} />
          ) : null}
          {!running ? (
            <div>
              <Button variant="default" onClick={reset}>
                {t('again')}
              </Button>
            </div>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
