import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createTemplate, deleteTemplate, feedbackKeys, templatesQuery } from '../../api/feedback';
import { ErrorText } from '../../components/Chrome';
import type { CaseCategory } from '../FeedbackCase';

/** Answer templates, for one category or any, offered to officers as they answer. */
export function Templates({ categories }: { categories: CaseCategory[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const list = useQuery(templatesQuery());
  const [draft, setDraft] = useState({ title: '', body: '', category: '' });
  const refresh = () => void client.invalidateQueries({ queryKey: feedbackKeys.templates() });
  const create = useMutation({
    mutationFn: () => createTemplate({ title: draft.title, body: draft.body, category: draft.category || null }),
    onSuccess: () => {
      setDraft({ title: '', body: '', category: '' });
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: deleteTemplate, onSuccess: refresh });
  return (
    <section className="card" aria-label={t('fbs.templates')}>
      <h2>{t('fbs.templates')}</h2>
      {list.data?.length === 0 && <p className="muted">{t('fbs.templatesEmpty')}</p>}
      <ul className="report-list">
        {list.data?.map((x) => (
          <li key={x.id}><b>{x.title}</b> <small className="muted">{x.category ?? t('fbs.anyCategory')}</small> <button className="link" onClick={() => remove.mutate(x.id)}>{t('fbs.remove')}</button><div className="small">{x.body}</div></li>
        ))}
      </ul>
      <div className="row wrap">
        <input aria-label={t('fbs.title_')} placeholder={t('fbs.title_')} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
        <select aria-label={t('fb.category')} value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })}>
          <option value="">{t('fbs.anyCategory')}</option>
          {categories.map((c) => <option key={c.code} value={c.code}>{i18n.language === 'vi' ? c.nameVi : c.nameEn}</option>)}
        </select>
      </div>
      <textarea aria-label={t('fbs.body')} placeholder={t('fbs.body')} rows={3} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />
      <button className="primary" disabled={draft.title.trim().length < 2 || draft.body.trim().length < 10} onClick={() => create.mutate()}>{t('fbs.add')}</button>
      <ErrorText error={create.error ?? remove.error} />
    </section>
  );
}
