/**
 * Who is told that cases were written, so that figures drawn from cases (feedback's) follow them. A listener is told
 * from inside the writer's statement or transaction, before it commits: it must not read at once, but wait a moment
 * (see modules/feedback/live-figures.ts).
 */
type Listener = () => void;
const listeners = new Set<Listener>();

/** Subscribes to case writes; returns the unsubscribe. */
export function onCaseWritten(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the listeners that a case was written or is being written. */
export function caseWritten(): void {
  for (const listener of listeners) listener();
}
