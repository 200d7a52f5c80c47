import { caseworkerChangeTemplate } from './caseworker-change.ts';
import { conferenceInvitationTemplate } from './conference-invitation.ts';
import { conferencePlanTemplate } from './conference-plan.ts';
import { coordinatorNamedTemplate } from './coordinator-named.ts';
import { informationNoticeTemplate } from './information-notice.ts';
import { notificationOutcomeTemplate } from './notification-outcome.ts';
import { notificationReceiptTemplate } from './notification-receipt.ts';

/** Every letter Beskyt can write. Danish, plain language: short sentences, "du", what happens now. */
export const LETTER_TEMPLATES = {
  caseworkerChange: caseworkerChangeTemplate,
  coordinatorNamed: coordinatorNamedTemplate,
  notificationReceipt: notificationReceiptTemplate,
  notificationOutcome: notificationOutcomeTemplate,
  informationNotice: informationNoticeTemplate,
  conferenceInvitation: conferenceInvitationTemplate,
  conferencePlan: conferencePlanTemplate,
};

export type TLetterTemplateName = keyof typeof LETTER_TEMPLATES;
export type TLetterTemplateData<N extends TLetterTemplateName> = Parameters<
  (typeof LETTER_TEMPLATES)[N]['render']
>[0];
