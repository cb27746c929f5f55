// What every dashboard section gets: the parameters after `?` in the hash, so
// `#review?va=…&period=2026-11` opens that review.
export interface SectionProps { params: URLSearchParams }
