import { useTranslation } from 'react-i18next';
import type { TPosition } from './types';

/**
 * A shape per position as well as a colour (WCAG 1.4.1): a circle for green, a triangle for yellow and a
 * square for red. Decorative: the text beside it says the same.
 */
export function PositionShape({ position, size = 12 }: { position: TPosition; size?: number }) {
  return (
    <svg
      className={`position-shape position-shape-${position}`}
      width={size}
      height={size}
      viewBox="0 0 12 12"
      aria-hidden="true"
      focusable="false"
    >
      {position === 'green' ? <circle cx="6" cy="6" r="5" /> : null}
      {position === 'yellow' ? <polygon points="6,1 11.5,11 0.5,11" /> : null}
      {position === 'red' ? <rect x="1" y="1" width="10" height="10" /> : null}
    </svg>
  );
}

/** "Grøn – trives": colour, shape and words, never colour alone. */
export function PositionBadge({ position, short = false }: { position: TPosition; short?: boolean }) {
  const { t } = useTranslation('assessments');
  return (
    <span className={`position-badge position-badge-${position}`}>
      <PositionShape position={position} />
      <span>{short ? t(`position.${position}`) : t(`position.${position}Long`)}</span>
    </span>
  );
}
