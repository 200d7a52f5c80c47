export {
  caseDeadlines,
  firstSupportMeasure,
  followUpForMeasure,
  type TCaseDeadlines,
  type TCaseFacts,
  type TDeadline,
} from './case-deadlines.ts';
