import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { LETTER_STATUSES, type TLetterStatus } from '../../shared/schemas/letters';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';
import { positiveInt } from './search-params';

const OutboxPage = lazyRouteComponent(() => import('../features/letters/letters-outbox-page'), 'OutboxPage');

interface TSearch {
  page?: number;
  status?: TLetterStatus;
}

export const lettersOutboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/breve',
  validateSearch: (search: Record<string, unknown>): TSearch => ({
    page: positiveInt(search.page),
    status: LETTER_STATUSES.includes(search.status as TLetterStatus)
      ? (search.status as TLetterStatus)
      : undefined,
  }),
  component: () => (
    <RequirePermission permission="read:letter:municipality">
      <OutboxPage />
    </RequirePermission>
  ),
});
