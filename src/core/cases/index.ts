// The case engine: states, transitions, deadlines, media, notices and public references, for every kind of case.
// The public surface: other modules import this file only (see docs/architecture.md).
export { PHOTO_LIMITS, processPhotos, redactPhoto } from './media.js';
export type { ProcessedPhoto, UploadedFile } from './media.js';
export { queueCaseNotices } from './notices.js';
export type { CaseEvent } from './notices.js';
export { CaseReference, STALE, freshReference, withReference } from './reference.js';
export { actOnCase, assignCase, caseTimeline, escalateOverdue, extendCase, getCategory, noteCase, openCase, receiveCase, remindDueSoon } from './service.js';
export { CASE_ACTIONS, CASE_STATES, ENDED_STATES, HANDLING_STATES } from './state-machine.js';
export type { CaseState } from './state-machine.js';
export { writeOpenedCase } from './writer.js';
