import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { saveDraft, type Finding, type ReportView } from '../../api/reporting';

const DRAFT_KEY = (id: number) => `tinhso.reportDraft.${id}`;
interface LocalDraft { revision: number; values: Record<string, number | null>; narrative: Record<string, string> }
export type SyncState = 'saved' | 'saving' | 'offline' | 'conflict' | 'idle';

/**
 * Edits are kept in the browser at once and saved to the server a moment later; without a connection they wait (the
 * page says so) and are sent when it returns, against the revision they started from, so a value is never lost or
 * saved twice.
 */
export function useReportDraft(r: ReportView | undefined) {
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [narrative, setNarrative] = useState<Record<string, string>>({});
  const [findings, setFindings] = useState<Finding[]>([]);
  const [sync, setSync] = useState<SyncState>('idle');
  const revision = useRef(0);
  const dirty = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!r) return;
    const local = (() => {
      try {
        return JSON.parse(localStorage.getItem(DRAFT_KEY(r.id)) ?? 'null') as LocalDraft | null;
      } catch {
        return null;
      }
    })();
    // Edits kept offline from the revision on the server are put back and sent; anything else is the server's.
    if (local && local.revision === r.revision && ['draft', 'returned'].includes(r.state)) {
      setValues({ ...r.values, ...local.values });
      setNarrative({ ...r.narrative, ...local.narrative });
      dirty.current = true;
    } else {
      setValues(r.values);
      setNarrative(r.narrative);
      localStorage.removeItem(DRAFT_KEY(r.id));
    }
    revision.current = r.revision;
    setFindings(r.findings);
  }, [r?.id, r?.revision, r?.state]);

  const flush = useCallback(async () => {
    if (!dirty.current || !r) return;
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY(r.id)) ?? 'null') as LocalDraft | null;
    if (!draft) return;
    setSync('saving');
    try {
      const saved = await saveDraft(r.id, { values: draft.values, narrative: draft.narrative, revision: draft.revision });
      revision.current = saved.revision;
      dirty.current = false;
      localStorage.removeItem(DRAFT_KEY(r.id));
      setFindings(saved.findings);
      setSync('saved');
    } catch (err) {
      if (err instanceof ApiError) setSync(err.code === 'report_conflict' ? 'conflict' : 'idle');
      else setSync('offline');
    }
  }, [r]);

  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('online', online);
    if (dirty.current && navigator.onLine) void flush();
    return () => window.removeEventListener('online', online);
  }, [flush]);

  const edit = (nextValues: Record<string, number | null>, nextNarrative: Record<string, string>) => {
    setValues(nextValues);
    setNarrative(nextNarrative);
    dirty.current = true;
    const changedValues = Object.fromEntries(Object.entries(nextValues).filter(([k, v]) => r!.values[k] !== v));
    const changedText = Object.fromEntries(Object.entries(nextNarrative).filter(([k, v]) => r!.narrative[k] !== v));
    localStorage.setItem(DRAFT_KEY(r!.id), JSON.stringify({ revision: revision.current, values: changedValues, narrative: changedText } satisfies LocalDraft));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), 800);
    if (!navigator.onLine) setSync('offline');
  };

  return { values, narrative, findings, sync, flush, edit };
}
