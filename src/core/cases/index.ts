// The case engine: states, transitions, deadlines, media, notices and public references, for every kind of case,
// and the only reader and writer of the case tables (case_record, case_event, case_media, case_category,
// case_routing_rule, case_answer_template, case_reference_version).
// The public surface: other modules import this file only (see docs/architecture.md).
export { onCaseWritten } from './changes.js';
export { PHOTO_LIMITS, processPhotos, redactPhoto } from './media.js';
export type { ProcessedPhoto, UploadedFile } from './media.js';
export { queueCaseNotices } from './notices.js';
export type { CaseEvent } from './notices.js';
export { mayHandle, mayRead, routeFor } from './policy.js';
export { CaseReference, STALE, freshReference, withReference } from './reference.js';
export {
  PRIORITIES, ZActResult, ZAssignResult, ZBulk, ZBulkResult, ZCaseActionBody, ZCaseEvent, ZCaseUpdate, ZCaseUpdateResult, ZExtendBody, ZExtendResult,
  ZNoteBody, ZRedact, ZRedactResult, ZReplacedRules, ZRoutingRules, ZRoutingRuleView, ZSavedTemplate, ZTemplate, ZTemplateView,
} from './schema.js';
export type { ActInput, ActResult, Priority } from './schema.js';
export { CASE_ACTIONS, CASE_STATES, ENDED_STATES, HANDLING_STATES } from './state-machine.js';
export type { CaseState } from './state-machine.js';
export { writeOpenedCase } from './writer.js';
// Use cases.
export { actOnCase } from './use-cases/act-on-case.js';
export { bulkAct } from './use-cases/bulk-act.js';
export { seedCaseKind, updateCaseData } from './use-cases/case-data.js';
export { redactCasePhoto, updateCase } from './use-cases/change-case.js';
export { assignCase, caseTimeline, extendCase, noteCase } from './use-cases/handle-case.js';
export { escalateOverdue, remindDueSoon } from './use-cases/jobs.js';
export { getCategory, openCase, receiveCase } from './use-cases/open-case.js';
export type { OpenCaseInput, OpenedCase } from './use-cases/open-case.js';
export { deleteTemplate, replaceRoutingRules, saveTemplate } from './use-cases/settings.js';
// Reads for the capabilities built on the engine.
export {
  findCaseRowByCode as findCaseByCode, findShownPhoto, getCaseRow as getCase, getMedia as getCasePhoto, listMediaOf as listCasePhotos,
  listShownMedia as listShownPhotos, publicEventsOf,
} from './repo.js';
export type { CaseEventRow, CaseRow } from './repo.js';
export {
  casesForFigures, casesNear, endedCasesWithContacts, feedCaseRows as feedCases, publicCasePage, publicCaseRow as publicCase,
  searchCaseRows as searchCases, stateChangesBetween as caseStateChanges,
} from './search-repo.js';
export type { CaseSearch } from './search-repo.js';
export { casesPastDeadline } from './deadline-repo.js';
export {
  activeCategories, allCategories as categoriesOf, routingRuleViews as routingRules, templateViews as answerTemplates,
} from './settings-repo.js';
export type { CaseCategory } from './settings-repo.js';
