import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const NewOfferPage = lazyRouteComponent(() => import('../features/offers/new-offer-page'), 'NewOfferPage');
const OfferPage = lazyRouteComponent(() => import('../features/offers/offer-page'), 'OfferPage');
const OffersPage = lazyRouteComponent(() => import('../features/offers/offers-page'), 'OffersPage');

export const offersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tilbud',
  component: () => (
    <RequirePermission permission="read:offer:municipality">
      <OffersPage />
    </RequirePermission>
  ),
});

export const offerNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tilbud/nyt',
  component: () => (
    <RequirePermission permission={['manage:offer:municipality', 'write:offer:provider']}>
      <NewOfferPage />
    </RequirePermission>
  ),
});

export const offerDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tilbud/$offerId',
  component: () => (
    <RequirePermission permission="read:offer:municipality">
      <OfferPage />
    </RequirePermission>
  ),
});
