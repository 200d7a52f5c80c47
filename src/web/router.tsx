import { QueryCache, QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { ApiError } from './api';
import { alertsRoute } from './features/alerts/alerts-page';
import { editAssessmentRoute, newAssessmentRoute } from './features/assessments/assessment-page';
import { roundProgressRoute } from './features/assessments/round-progress-page';
import { roundsRoute } from './features/assessments/rounds-page';
import { unitWellbeingRoute } from './features/assessments/unit-wellbeing-page';
import { auditRoute } from './features/audit/audit-page';
import { appRoute } from './features/auth/app-layout';
import { homeRoute } from './features/auth/home-page';
import { loginRoute } from './features/auth/login-page';
import { meKey } from './features/auth/session';
import { caseDeadlinesRoute } from './features/cases/case-deadlines-page';
import { caseDetailRoute } from './features/cases/case-page';
import { casesListRoute } from './features/cases/cases-page';
import { caseworkerChangeDetailRoute } from './features/caseworker-change/caseworker-change-detail-page';
import { caseworkerChangeRoute } from './features/caseworker-change/caseworker-change-page';
import { childProfileRoute } from './features/children/child-profile-page';
import { childrenListRoute } from './features/children/children-page';
import { complianceRoute } from './features/compliance/compliance-page';
import { concernsRoute } from './features/concerns/concerns-page';
import { concernNewRoute } from './features/concerns/new-concern-page';
import { myChildrenRoute } from './features/coordinators/my-children-page';
import { adminDeadlinesRoute } from './features/deadline-settings/deadline-settings-page';
import { adminWarningRulesRoute } from './features/early-warning/warning-rules-page';
import { adminHandleguideRoute } from './features/handleguide/handleguide-page';
import { lettersOutboxRoute } from './features/letters/letters-outbox-page';
import { meetingDetailRoute } from './features/meetings/meeting-page';
import { meetingsRoute } from './features/meetings/meetings-page';
import { meetingNewRoute } from './features/meetings/new-meeting-page';
import { myWorkRoute } from './features/my-work/my-work-page';
import { myNotificationsRoute, newNotificationRoute } from './features/notifications/my-notifications-page';
import { notificationDetailRoute } from './features/notifications/notification-page';
import { notificationsQueueRoute } from './features/notifications/notifications-queue-page';
import { adminUnitsRoute } from './features/org/units-page';
import { practiceRoute } from './features/practice-analytics/practice-page';
import { adminFactorsRoute } from './routes/admin-factors';
import { adminUsersRoute } from './routes/admin-users';
import { importsRoute } from './routes/imports';
import { measurementRoute } from './routes/measurement';
import { rootRoute } from './routes/root';

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
    adminUsersRoute,
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
