import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const PartnerReferralsPage = lazyRouteComponent(
  () => import('../features/referrals/partner-referrals-page'),
  'PartnerReferralsPage',
);

export const partnerReferralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/henvisninger',
  component: () => (
    <RequirePermission permission="read:referral:provider">
      <PartnerReferralsPage />
    </RequirePermission>
  ),
});
