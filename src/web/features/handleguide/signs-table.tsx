import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { actionTitle, signLabel } from '../concerns/labels';
import type { TGuideSign } from '../concerns/types';

export function SignsTable({ signs, onEdit }: { signs: TGuideSign[]; onEdit?: (sign: TGuideSign) => void }) {
  const { t, i18n } = useTranslation('concerns');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('handleguide.sign')}</Table.Th>
            <Table.Th scope="col">{t('handleguide.acute')}</Table.Th>
            <Table.Th scope="col">{t('handleguide.actions')}</Table.Th>
            {onEdit ? (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('handleguide.edit', { sign: '' })}</span>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {signs.map((s) => (
            <Table.Tr key={s.code}>
              <Table.Th scope="row">
                {signLabel(s, i18n.language)}
                {s.active ? null : (
                  <Text span size="sm">
                    {' '}
                    ({t('handleguide.retired')})
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{s.acute ? t('handleguide.yes') : t('handleguide.no')}</Table.Td>
              <Table.Td>
                <ul className="plain-list">
                  {s.actions.map((a) => (
                    <li key={a.code}>
                      {a.level}: {actionTitle(a, i18n.language)}
                    </li>
                  ))}
                </ul>
              </Table.Td>
              {onEdit ? (
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => onEdit(s)}>
                    {t('handleguide.edit', { sign: signLabel(s, i18n.language) })}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
