import { useTranslation } from 'react-i18next';

interface TOnTimeShare {
  total: number;
  onTime: number;
  share: number | null;
}

/** "x of y on time (z %)" for a deadline figure, or "none" when nothing fell due. */
export function OnTimeShare({ cell }: { cell: TOnTimeShare }) {
  const { t } = useTranslation('cases');
  if (cell.total === 0 || cell.share === null) return <>{t('deadlines.none')}</>;
  return (
    <>
      {t('deadlines.share', {
        onTime: cell.onTime,
        total: cell.total,
        percent: Math.round(cell.share * 100),
      })}
    </>
  );
}
