export { AGE_BANDS, ageBand, ageOn, type TAgeBand } from './age-band.ts';
export {
  DEFINITION_TERMS,
  MEASUREMENT_DEFINITION,
  type TDefinitionLocale,
  type TDefinitionTerm,
  type TDefinitionText,
} from './definition.ts';
export {
  protectiveShare,
  protectiveShareByTheme,
  riskLoad,
  shareOf,
  type TFactorKind,
  type TFactorState,
  type TFactorStateValue,
  type TShare,
} from './factor-states.ts';
export {
  bitPositions,
  catalogueMasks,
  MAX_PACKED_FACTORS,
  maskOf,
  packStates,
  popcount,
  riskLoadFromMasks,
  shareFromMasks,
  type TBitPositions,
  type TCatalogueMasks,
  type TPackedStates,
  toInt8,
  unpackStates,
} from './packed-states.ts';
export {
  coOccurrence,
  persistence,
  persistentRisks,
  riskObservation,
  type TPersistentRisk,
  type TRiskObservation,
} from './persistence.ts';
export {
  addCell,
  cellOf,
  combine,
  EMPTY_CELL,
  newFigures,
  replaceContribution,
  SHARE_BOUNDS,
  subtractCell,
  summarise,
  summariseInto,
  type TBounds,
  type TCell,
  type TFigures,
  type TSummary,
} from './rollup.ts';
export { IntervalsByPlace, intervalsByPlace } from './share-interval.ts';
export { change, changeIsSignificant, type TChange } from './significance.ts';
export {
  isHidden,
  MIN_CELL,
  suppressLinked,
  suppressList,
  suppressTable,
  type TCellVisibility,
  type TListSuppression,
  type TTableSuppression,
} from './suppression.ts';
export { tQuantile975, Z975 } from './t-quantile.ts';
