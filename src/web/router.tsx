import { QueryCache, QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { ApiError } from './api';
import { meKey } from './features/auth/session';
import { adminDeadlinesRoute } from './routes/admin-deadlines';
import { adminFactorsRoute } from './routes/admin-factors';
import { adminHandleguideRoute } from './routes/admin-handleguide';
import { adminNoticeTextsRoute } from './routes/admin-notice-texts';
import { adminRoleGrantsRoute } from './routes/admin-role-grants';
import { adminUnitsRoute } from './routes/admin-units';
import { adminUsersRoute } from './routes/admin-users';
import { adminWarningRulesRoute } from './routes/admin-warning-rules';
import { alertsRoute } from './routes/alerts';
import { appRoute } from './routes/app-layout';
import { editAssessmentRoute, newAssessmentRoute } from './routes/assessment-form';
import { auditRoute } from './routes/audit';
import { caseDeadlinesRoute } from './routes/case-deadlines';
import { caseDetailRoute } from './routes/case-detail';
import { casesListRoute } from './routes/cases-list';
import { caseworkerChangeRoute } from './routes/caseworker-change';
import { caseworkerChangeDetailRoute } from './routes/caseworker-change-detail';
import { childProfileRoute } from './routes/child-profile';
import { childrenListRoute } from './routes/children-list';
import { complianceRoute } from './routes/compliance';
import { concernNewRoute } from './routes/concern-new';
import { concernsRoute } from './routes/concerns';
import { conferenceRoute, myConferencesRoute } from './routes/conferences';
import { familyRoute } from './routes/family';
import { homeRoute } from './routes/home';
import { importsRoute } from './routes/imports';
import { lettersOutboxRoute } from './routes/letters-outbox';
import { loginRoute } from './routes/login';
import { measurementRoute } from './routes/measurement';
import { meetingDetailRoute } from './routes/meeting-detail';
import { meetingNewRoute } from './routes/meeting-new';
import { meetingsRoute } from './routes/meetings';
import { myChildrenRoute } from './routes/my-children';
import { myNotificationsRoute, newNotificationRoute } from './routes/my-notifications';
import { myWorkRoute } from './routes/my-work';
import { noticesRoute } from './routes/notices';
import { notificationDetailRoute } from './routes/notification-detail';
import { notificationsQueueRoute } from './routes/notifications-queue';
import { offerCapacityRoute, offerLearningRoute } from './routes/offer-planning';
import { offerDetailRoute, offerNewRoute, offersRoute } from './routes/offers';
import { partnerReferralsRoute } from './routes/partner-referrals';
import { practiceRoute } from './routes/practice';
import { rootRoute } from './routes/root';
import { roundProgressRoute } from './routes/round-progress';
import { roundsRoute } from './routes/rounds';
import { unitWellbeingRoute } from './routes/unit-wellbeing';

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // The session ended (idle timeout, deactivated user, logout in another tab): back to the login page.
    onError: (error) => {
      if (!(error instanceof ApiError) || error.status !== 401) return;
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
      const here = router.state.location.href;
      void router.navigate({ to: '/login', search: { redirect: here } });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change on retry; only network trouble and 5xx are worth another go.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    casesListRoute,
    caseDetailRoute,
    caseDeadlinesRoute,
    caseworkerChangeRoute,
    caseworkerChangeDetailRoute,
    lettersOutboxRoute,
    complianceRoute,
    childrenListRoute,
    childProfileRoute,
    familyRoute,
    adminUsersRoute,
    adminRoleGrantsRoute,
    adminUnitsRoute,
    adminFactorsRoute,
    auditRoute,
    measurementRoute,
    roundsRoute,
    importsRoute,
    roundProgressRoute,
    newAssessmentRoute,
    editAssessmentRoute,
    unitWellbeingRoute,
    concernsRoute,
    concernNewRoute,
    alertsRoute,
    notificationsQueueRoute,
    notificationDetailRoute,
    myNotificationsRoute,
    newNotificationRoute,
    adminDeadlinesRoute,
    myChildrenRoute,
    adminHandleguideRoute,
    adminWarningRulesRoute,
    meetingsRoute,
    meetingNewRoute,
    meetingDetailRoute,
    myWorkRoute,
    practiceRoute,
    offersRoute,
    offerLearningRoute,
    offerCapacityRoute,
    offerNewRoute,
    offerDetailRoute,
    partnerReferralsRoute,
    myConferencesRoute,
    conferenceRoute,
    noticesRoute,
    adminNoticeTextsRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
