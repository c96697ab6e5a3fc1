// The IOC briefing (issue 14, point 4): a daily and a weekly account of what changed in the province, made at 07:00
// Việt Nam time. So far only its rules stand: who reads it, which period each briefing covers, when it is due.
// The public surface: other modules import this file only (see docs/architecture.md).
export { BRIEFING_KINDS, BRIEFING_POLICY, briefingPeriod, dueBriefings, previousPeriod, trend } from './policy.js';
export type { BriefingKind, Period } from './policy.js';
