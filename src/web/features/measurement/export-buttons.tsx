import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { measurementExportUrl } from './queries';
import type { TMeasurementParams } from './types';

/** CSV and XLSX of the figures on screen, with the same filters (and the same cells hidden by the server). */
export function ExportButtons({ params, label }: { params: TMeasurementParams; label: string }) {
  const { t } = useTranslation('measurement');
  return (
    <Group mt="sm" gap="sm" role="group" aria-label={label}>
      <Button
        component="a"
        href={measurementExportUrl('csv', params, 'excel-da')}
        variant="default"
        size="xs"
        download
      >
        {t('export.csvExcel')}
      </Button>
      <Button component="a" href={measurementExportUrl('csv', params)} variant="default" size="xs" download>
        {t('export.csv')}
      </Button>
      <Button component="a" href={measurementExportUrl('xlsx', params)} variant="default" size="xs" download>
        {t('export.xlsx')}
      </Button>
    </Group>
  );
}
