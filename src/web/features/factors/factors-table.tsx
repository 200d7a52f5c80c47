import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FACTOR_DOMAINS, FACTOR_KINDS, factorDescription, factorLabel, themeName } from './labels';
import type { TFactor, TFactorDomain, TFactorKind, TPolicyTheme } from './types';

interface TFactorsTableProps {
  factors: TFactor[];
  themes: TPolicyTheme[];
  /** Given only for a draft the user may change: each row gets edit and remove buttons. */
  onEdit?: (factor: TFactor) => void;
  onRemove?: (factor: TFactor) => void;
}

/** The factors of one version, by kind (a heading each) and domain (a table each), in catalogue order. */
export function FactorsTables({ factors, themes, onEdit, onRemove }: TFactorsTableProps) {
  const { t } = useTranslation('factors');
  if (factors.length === 0) return <Text>{t('table.empty')}</Text>;
  return (
    <Stack gap="xl">
      {FACTOR_KINDS.map((kind) => {
        const ofKind = factors.filter((f) => f.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind}>
            <Title order={2} size="h3" mb="sm">
              {t('kind.heading', { kind: t(`kind.${kind}Plural`), count: ofKind.length })}
            </Title>
            <Stack gap="lg">
              {FACTOR_DOMAINS.map((domain) => {
                const rows = ofKind.filter((f) => f.domain === domain);
                return rows.length > 0 ? (
                  <DomainTable
                    key={domain}
                    kind={kind}
                    domain={domain}
                    rows={rows}
                    themes={themes}
                    onEdit={onEdit}
                    onRemove={onRemove}
                  />
                ) : null;
              })}
            </Stack>
          </section>
        );
      })}
    </Stack>
  );
}

interface TDomainTableProps extends Omit<TFactorsTableProps, 'factors'> {
  kind: TFactorKind;
  domain: TFactorDomain;
  rows: TFactor[];
}

function DomainTable({ kind, domain, rows, themes, onEdit, onRemove }: TDomainTableProps) {
  const { t, i18n } = useTranslation('factors');
  const editable = Boolean(onEdit || onRemove);
  const names = new Map(themes.map((theme) => [theme.code, themeName(theme, i18n.language)]));

  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        {t(`domain.${domain}`)}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table
          striped
          className="factors-table"
          aria-label={t('table.caption', { kind: t(`kind.${kind}Plural`), domain: t(`domain.${domain}`) })}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('table.code')}</Table.Th>
              <Table.Th scope="col">{t('table.label')}</Table.Th>
              <Table.Th scope="col">{t('table.age')}</Table.Th>
              <Table.Th scope="col">{t('table.themes')}</Table.Th>
              <Table.Th scope="col">{t('table.evidence')}</Table.Th>
              {editable ? (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('table.actions')}</span>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((factor) => {
              const description = factorDescription(factor, i18n.language);
              return (
                <Table.Tr key={factor.id}>
                  <Table.Th scope="row" fw={700} className="factor-code">
                    {factor.code}
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {factorLabel(factor, i18n.language)}
                    </Text>
                    {description ? (
                      <Text size="sm" c="dimmed">
                        {description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td className="factor-age">
                    {t('table.ageRange', { from: factor.ageFrom, to: factor.ageTo })}
                  </Table.Td>
                  <Table.Td>
                    {factor.themeCodes.length > 0
                      ? factor.themeCodes.map((code) => names.get(code) ?? code).join(', ')
                      : t('table.noThemes')}
                  </Table.Td>
                  <Table.Td>
                    {factor.evidenceNote ? (
                      <details className="evidence-note">
                        <summary>
                          {t('table.showEvidence')}
                          <span className="visually-hidden">
                            {t('table.showEvidenceFor', { code: factor.code })}
                          </span>
                        </summary>
                        <Text size="sm" mt={4}>
                          {factor.evidenceNote}
                        </Text>
                      </details>
                    ) : (
                      <Text size="sm">{t('table.noEvidence')}</Text>
                    )}
                  </Table.Td>
                  {editable ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {onEdit ? (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => onEdit(factor)}
                            aria-label={t('table.editNamed', { code: factor.code })}
                          >
                            {t('table.edit')}
                          </Button>
                        ) : null}
                        {onRemove ? (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => onRemove(factor)}
                            aria-label={t('table.removeNamed', { code: factor.code })}
                          >
                            {t('table.remove')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
