export * from './facts.ts';
export * from './params.ts';
export * from './rules.ts';
