import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addNote, caseAction, extendCase, templatesQuery, type CaseDetail, type CaseStep } from '../../api/feedback';
import { ErrorText } from '../../components/Chrome';
import { OPEN_STATES } from './states';

/** The steps a case can take from its state, with one text for the answer, an internal note or an extension's reason. */
export function AnswerBox({ c, onDone, updateError }: { c: CaseDetail; onDone(): void; updateError: unknown }) {
  const { t } = useTranslation();
  const templates = useQuery(templatesQuery(c.category_code));
  const [text, setText] = useState('');
  const [days, setDays] = useState('5');
  const act = useMutation({
    mutationFn: async (kind: CaseStep | 'extend' | 'note') => {
      if (kind === 'extend') return extendCase(c.id, Number(days), text);
      if (kind === 'note') return addNote(c.id, text);
      return caseAction(c.id, kind === 'answer' ? { action: 'answer', answer: text } : { action: kind });
    },
    onSuccess: () => {
      setText('');
      onDone();
    },
  });
  const open = OPEN_STATES.includes(c.state);
  const buttons: CaseStep[] = c.state === 'routed' || c.state === 'forwarded' ? ['accept'] : c.state === 'accepted' ? ['start', 'answer'] : c.state === 'in_progress' ? ['answer'] : c.state === 'answered' ? ['close'] : [];
  return (
    <>
      {templates.data && templates.data.length > 0 && (
        <select aria-label={t('fb.template')} value="" onChange={(e) => setText(templates.data!.find((x) => String(x.id) === e.target.value)?.body ?? text)}>
          <option value="">{t('fb.template')}…</option>
          {templates.data.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
        </select>
      )}
      <textarea aria-label={t('fb.answer')} rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={`${t('fb.answer')} / ${t('fb.note')} / ${t('fb.reason')}`} />
      <div className="row wrap">
        {buttons.map((b) => <button key={b} className={b === 'answer' ? 'primary' : undefined} disabled={b === 'answer' && !text.trim()} onClick={() => act.mutate(b)}>{t(`fb.actions.${b}`)}</button>)}
        <button disabled={!text.trim()} onClick={() => act.mutate('note')}>{t('fb.actions.note')}</button>
        {open && (<><input type="number" min={1} max={60} value={days} onChange={(e) => setDays(e.target.value)} aria-label={t('fb.days')} style={{ width: '4rem' }} /><button disabled={text.trim().length < 5} onClick={() => act.mutate('extend')}>{t('fb.actions.extend')}</button></>)}
      </div>
      <ErrorText error={act.error ?? updateError} />
    </>
  );
}
