import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { PartnerReferralsPage } from '../features/referrals/partner-referrals-page';
import { appRoute } from './app-layout';

export const partnerReferralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/henvisninger',
  component: () => (
    <RequirePermission permission="read:referral:provider">
      <PartnerReferralsPage />
    </RequirePermission>
  ),
});
