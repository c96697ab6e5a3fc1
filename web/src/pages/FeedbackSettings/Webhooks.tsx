import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createWebhook, deleteWebhook, webhookKeys, webhooksQuery } from '../../api/webhooks';
import { ErrorText } from '../../components/Chrome';
import { Outbox } from './Outbox';

/** Other systems told of events (signed with a secret shown once), and the outbox of what was sent. */
export function Webhooks() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const hooks = useQuery(webhooksQuery());
  const [draft, setDraft] = useState({ name: '', url: '', events: ['*'] as string[] });
  const [secret, setSecret] = useState('');
  const create = useMutation({
    mutationFn: () => createWebhook(draft),
    onSuccess: (r) => {
      setSecret(r.secret);
      setDraft({ name: '', url: '', events: ['*'] });
      void client.invalidateQueries({ queryKey: webhookKeys.all });
    },
  });
  const remove = useMutation({ mutationFn: deleteWebhook, onSuccess: () => void client.invalidateQueries({ queryKey: webhookKeys.all }) });
  return (
    <>
      <section className="card" aria-label={t('fbs.webhooks')}>
        <h2>{t('fbs.webhooks')}</h2>
        {hooks.data?.webhooks.length === 0 && <p className="muted">{t('fbs.webhooksEmpty')}</p>}
        <ul className="report-list">
          {hooks.data?.webhooks.map((h) => <li key={h.id}><b>{h.name}</b> <code>{h.url}</code> <small>{h.events.join(', ')}</small> <button className="link" onClick={() => remove.mutate(h.id)}>{t('fbs.remove')}</button></li>)}
        </ul>
        <div className="row wrap">
          <input aria-label={t('fbs.title_')} placeholder={t('fbs.title_')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          <input aria-label={t('fbs.url')} placeholder="https://…" value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} />
          <select aria-label={t('fbs.events')} multiple value={draft.events} onChange={(e) => setDraft({ ...draft, events: Array.from(e.target.selectedOptions).map((o) => o.value) })}>
            {['*', ...(hooks.data?.events ?? [])].map((ev) => <option key={ev} value={ev}>{ev}</option>)}
          </select>
          <button className="primary" onClick={() => create.mutate()}>{t('fbs.add')}</button>
        </div>
        {secret && <p role="status">{t('fbs.secret')}: <code>{secret}</code></p>}
        <ErrorText error={create.error ?? remove.error} />
      </section>
      <Outbox />
    </>
  );
}
