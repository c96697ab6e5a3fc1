/** The states in which a case is still being handled (and can be late). */
export const OPEN_STATES = ['routed', 'forwarded', 'accepted', 'in_progress'];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
