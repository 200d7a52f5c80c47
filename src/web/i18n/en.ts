// The English catalogues, loaded only when a user chooses English (the Danish ones are in the first page's bundle).
import enAdmin from './en/admin.json';
import enAssessments from './en/assessments.json';
import enAudit from './en/audit.json';
import enAuth from './en/auth.json';
import enCases from './en/cases.json';
import enChildren from './en/children.json';
import enCommon from './en/common.json';
import enConcerns from './en/concerns.json';
import enConferences from './en/conferences.json';
import enConsents from './en/consents.json';
import enFactors from './en/factors.json';
import enImports from './en/imports.json';
import enLetters from './en/letters.json';
import enMeasurement from './en/measurement.json';
import enMeetings from './en/meetings.json';
import enNetwork from './en/network.json';
import enNotices from './en/notices.json';
import enNotifications from './en/notifications.json';
import enOffers from './en/offers.json';
import enPlanning from './en/planning.json';
import enPractice from './en/practice.json';
import enWork from './en/work.json';

export const EN = {
  common: enCommon,
  auth: enAuth,
  children: enChildren,
  admin: enAdmin,
  audit: enAudit,
  measurement: enMeasurement,
  imports: enImports,
  assessments: enAssessments,
  factors: enFactors,
  concerns: enConcerns,
  notifications: enNotifications,
  notices: enNotices,
  cases: enCases,
  letters: enLetters,
  meetings: enMeetings,
  consents: enConsents,
  work: enWork,
  practice: enPractice,
  offers: enOffers,
  planning: enPlanning,
  network: enNetwork,
  conferences: enConferences,
};
