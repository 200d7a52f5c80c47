export {
  loadsAfter,
  proposeReassignment,
  type TCandidate,
  type TCaseToMove,
  type TProposedMove,
} from './propose-reassignment.ts';
