import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agronomyKeys, subscribe, subscriptionsQuery, unsubscribe } from '../../api/agronomy';
import { entryUnitsQuery } from '../../api/org-units';
import { ErrorText } from '../../components/Chrome';
import { useScopeUnit } from '../../components/UnitPicker';
import { vnToday } from '../../dates';

/** Who receives the published bulletins by e-mail: the province's, or one unit's. */
export function Subscriptions() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery(subscriptionsQuery());
  const units = useQuery(entryUnitsQuery(vnToday(), useScopeUnit()));
  const [form, setForm] = useState({ name: '', email: '', unitId: '', locale: 'vi' });
  const refresh = () => client.invalidateQueries({ queryKey: agronomyKeys.subscriptions() });
  const add = useMutation({
    mutationFn: () => subscribe({ name: form.name.trim(), email: form.email.trim(), unitId: form.unitId ? Number(form.unitId) : null, locale: form.locale }),
    onSuccess: async () => { setForm({ name: '', email: '', unitId: '', locale: form.locale }); await refresh(); },
  });
  const remove = useMutation({ mutationFn: (id: number) => unsubscribe(id), onSuccess: refresh });
  const submit = (e: FormEvent) => { e.preventDefault(); add.mutate(); };
  return (
    <div className="card">
      <h2>{t('agro.subs.title')}</h2>
      <form className="row wrap" onSubmit={submit} aria-label={t('agro.subs.add')}>
        <label>{t('agro.subs.name')} <input required maxLength={160} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label>{t('agro.subs.email')} <input required type="email" maxLength={200} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></label>
        <label>{t('agro.subs.unit')} <select value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })}>
          <option value="">{t('agro.subs.allUnits')}</option>
          {(units.data ?? []).filter((u) => u.level !== 'department').map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select></label>
        <label>{t('agro.subs.locale')} <select value={form.locale} onChange={(e) => setForm({ ...form, locale: e.target.value })}>
          <option value="vi">Tiếng Việt</option><option value="en">English</option>
        </select></label>
        <button className="primary" disabled={add.isPending}>{t('agro.subs.add')}</button>
      </form>
      <ErrorText error={add.error ?? remove.error ?? list.error} />
      {(list.data?.subscriptions.length ?? 0) === 0 ? <p className="muted">{t('agro.subs.none')}</p> : (
        <ul data-testid="subscriptions">
          {list.data!.subscriptions.map((s) => (
            <li key={s.id}>
              {s.name} &lt;{s.email}&gt; · {s.unit?.name ?? t('agro.subs.allUnits')} · {s.locale === 'en' ? 'English' : 'Tiếng Việt'}{' '}
              <button onClick={() => remove.mutate(s.id)} aria-label={t('agro.subs.remove', { name: s.name })}>×</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
