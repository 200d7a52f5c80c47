import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

function parts(ms: number): { h: number; m: number; s: number } {
  const total = Math.floor(Math.abs(ms) / 1000);
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

/** Time left until a deadline, ticking each second; past it, how long it has been overdue. */
export function Countdown({ due, done }: { due: string; done?: boolean }) {
  const { t } = useTranslation('notifications');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (done) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [done]);
  if (done) return <Text span>{t('countdown.done')}</Text>;
  const left = new Date(due).getTime() - now;
  const p = parts(left);
  return (
    <Text
      span
      role="timer"
      fw={left < 0 ? 700 : undefined}
      className={left < 0 ? 'countdown-overdue' : undefined}
    >
      {left < 0 ? t('countdown.overdue', p) : t('countdown.left', p)}
    </Text>
  );
}
