import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { NewOfferPage } from '../features/offers/new-offer-page';
import { OfferPage } from '../features/offers/offer-page';
import { OffersPage } from '../features/offers/offers-page';
import { appRoute } from './app-layout';

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
