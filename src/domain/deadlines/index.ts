export { hasPartyStatus, partyStatusFrom, planKind, youthPlanFrom } from './age-rules.ts';
export {
  childAssessmentDue,
  deadlineState,
  FOLLOW_UP_INTERVAL_MONTHS,
  firstFollowUpDue,
  nextFollowUpDue,
  planDue,
  type TDeadlineState,
} from './case-deadlines.ts';
export { DEADLINE_LIMITS, DEFAULT_DEADLINE_CONFIG, type TDeadlineConfig } from './config.ts';
export { addDays, addMonths, ageOn, birthdayAt, danishDate, type TIsoDate } from './dates.ts';
export {
  addWeekdays,
  danishHolidays,
  easterSunday,
  holidayOn,
  isWeekday,
  type THolidayName,
  weekdaysBetween,
} from './holidays.ts';
export {
  assessedInTime,
  notificationAssessmentDue,
  receiptDue,
  receiptInTime,
  timeLeft,
} from './notification-deadlines.ts';
