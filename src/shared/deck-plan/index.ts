/** Public surface of the deck plan: compose, edit, fingerprint and turn into a render document. */
export * from './deck-plan-types';
export * from './compose-deck-plan';
export * from './deck-audience';
export * from './deck-edits';
export * from './deck-document-from-plan';
export * from './plan-fingerprint';
export { BENCHMARK_KPI_KEYS, MIN_PEERS } from './slides/peer-benchmark-slide';
export { MAIN_SLIDES } from './slide-order';
export { quarterLabel, quarterMonths } from './deck-period';
