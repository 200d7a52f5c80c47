import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface TPagerProps {
  page: number;
  pageSize: number;
  total: number;
  label: string;
  onChange: (page: number) => void;
}

export function Pager({ page, pageSize, total, label, onChange }: TPagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm">{t('paging.summary', { page, pages })}</Text>
      <nav aria-label={label}>
        <Pagination
          value={page}
          total={pages}
          onChange={onChange}
          getItemProps={(p) => ({ 'aria-label': t('paging.page', { page: p }) })}
          getControlProps={(control) => ({ 'aria-label': t(`paging.${control}`) })}
        />
      </nav>
    </Group>
  );
}
