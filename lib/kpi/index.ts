// The KPI engine: pure functions from ratings and a period to KPIs, targets and review agendas.
// No browser, no database: the popup, dashboard and export read records and call these.
export * from './periods';
export * from './kpis';
export * from './impact';
export { KPI_FIELDS, OVERRUN_FACTOR, utcIso, type KpiRating } from './tasks';
export * from './categories';
export * from './targets';
export * from './review';
export * from './scorecard';
export * from './trends';
