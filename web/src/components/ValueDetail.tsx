import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dataValueKeys, storedValuesQuery, valueHistoryQuery, writeValues } from '../api/data-values';
import { dateTime } from '../dates';
import { ErrorText } from './Chrome';

export interface ValueRef { element: string; elementName: string; coc: string; period: string; unitId: number }

/**
 * One stored value as an officer questions it: who set it, from where, every change before it, and its comment and
 * follow-up flag, which can be changed here without touching the value.
 */
export function ValueDetail({ target, onClose }: { target: ValueRef; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const stored = useQuery(storedValuesQuery(target.element, target.unitId, target.period));
  const value = stored.data?.find((v) => v.coc === target.coc) ?? null;
  const history = useQuery({ ...valueHistoryQuery(value?.id), enabled: value !== null });
  // The grid can be long: the panel opened from a cell near the top is brought into view.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    // A block, not an expression: newer browsers return a promise from scrollIntoView, which React would call as a clean-up.
    void panel.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, []);
  const [comment, setComment] = useState('');
  const [followup, setFollowup] = useState(false);
  useEffect(() => {
    setComment(value?.comment ?? '');
    setFollowup(value?.followup ?? false);
  }, [value?.id, value?.comment, value?.followup]);
  const save = useMutation({
    mutationFn: () => writeValues([{
      element: target.element, orgUnitId: target.unitId, period: target.period, ...(target.coc !== 'default' ? { coc: target.coc } : {}),
      value: value!.value, comment: comment.trim() || null, followup,
    }]),
    // The note and flag show in the panel, its history, the grid's cell and the follow-up list: all data values.
    onSuccess: () => void client.invalidateQueries({ queryKey: dataValueKeys.all }),
  });
  const source = (kind: string, ref: string | null) => `${t(`entry.sources.${kind}`)}${ref ? ` (${ref})` : ''}`;

  return (
    <section ref={panel} className="card" aria-label={t('entry.detailOf', { name: target.elementName, period: target.period })} data-testid="value-detail">
      <div className="row wrap">
        <h2>{target.elementName} · {target.period}</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose}>{t('entry.close')}</button>
      </div>
      {stored.isSuccess && !value && <p className="muted">{t('entry.notStored')}</p>}
      {value && (
        <>
          <p><strong>{value.value}</strong> · {t('entry.storedBy', { who: value.storedBy, when: dateTime(value.lastUpdated) })} · {source(value.sourceKind, value.sourceRef)}</p>
          <form className="form-grid" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
            <label className="wide">{t('entry.comment')}<textarea value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} rows={2} /></label>
            <label className="inline"><input type="checkbox" checked={followup} onChange={(e) => setFollowup(e.target.checked)} /> {t('entry.followup')}</label>
            <div className="row">
              <button className="primary" type="submit" disabled={save.isPending}>{t('entry.saveNote')}</button>
              {save.isSuccess && <span className="ok" role="status">{t('fbs.saved')}</span>}
            </div>
            <ErrorText error={save.error} />
          </form>
          <h3>{t('entry.history')}</h3>
          <ol className="history" data-testid="value-history">
            {history.data?.map((h) => {
              // A change that kept the value changed its comment or follow-up flag.
              const noteOnly = h.change === 'update' && h.old_value === h.new_value;
              return (
              <li key={h.id}>
                <strong>{t(`entry.changes.${noteOnly ? 'note' : h.change}`)}</strong>{' '}
                {!noteOnly && h.old_value !== null && <><s>{h.old_value}</s> → </>}{noteOnly ? '' : (h.new_value ?? '')}{' · '}
                {h.changed_by} · {dateTime(h.changed_at)} · {source(h.source_kind, h.source_ref)}
                {h.comment && <div className="muted small">“{h.comment}”</div>}
              </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
