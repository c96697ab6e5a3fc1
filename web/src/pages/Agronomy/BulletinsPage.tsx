import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { agronomyKeys, bulletinQuery, bulletinsQuery, draftBulletin } from '../../api/agronomy';
import { entryUnitsQuery } from '../../api/org-units';
import { useAuth } from '../../auth';
import { ErrorText } from '../../components/Chrome';
import { useScopeUnit } from '../../components/UnitPicker';
import { dateTime, vnToday } from '../../dates';
import { BulletinEditor } from './BulletinEditor';
import { AgronomyNav } from './common';
import { Subscriptions } from './Subscriptions';

/** The sowing bulletins: drafted from the traps' forecast, edited, approved by another person, published. */
export function BulletinsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const open = Number(params.get('id')) || 0;
  const list = useQuery(bulletinsQuery());
  const one = useQuery({ ...bulletinQuery(open), enabled: open > 0 });
  const officer = me?.user.role !== 'leader';
  return (
    <section>
      <p><Link to="/agronomy">← {t('agro.title')}</Link></p>
      <h1>{t('agro.bulletins.title')}</h1>
      <AgronomyNav />
      {officer && <DraftForm onDrafted={(id) => setParams({ id: String(id) })} />}
      <div className="card">
        <h2>{t('agro.bulletins.list')}</h2>
        {(list.data?.bulletins.length ?? 0) === 0 ? <p className="muted">{t('agro.bulletins.none')}</p> : (
          <div className="table-wrap">
            <table data-testid="bulletin-list">
              <thead><tr><th>{t('agro.bulletins.titleField')}</th><th>{t('agro.commune')}</th><th>{t('agro.bulletins.status')}</th><th>{t('agro.bulletins.drafted')}</th></tr></thead>
              <tbody>
                {list.data!.bulletins.map((b) => (
                  <tr key={b.id} aria-current={b.id === open ? 'true' : undefined}>
                    <td><Link to={`/agronomy/bulletins?id=${b.id}`}>{b.title}</Link></td>
                    <td>{b.unit.name}</td>
                    <td><span className="badge" data-status={b.status}>{t(`agro.bulletins.state.${b.status}`)}</span></td>
                    <td>{b.draftedBy} <small className="muted">{dateTime(b.draftedAt)}</small></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ErrorText error={list.error} />
      </div>
      {open > 0 && one.data && <BulletinEditor key={`${one.data.id}-${one.data.status}`} bulletin={one.data} />}
      <ErrorText error={one.error} />
      {officer && <Subscriptions />}
    </section>
  );
}

function DraftForm({ onDrafted }: { onDrafted(id: number): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const units = useQuery(entryUnitsQuery(vnToday(), useScopeUnit()));
  const [form, setForm] = useState({ unitId: '', season: '' });
  const draft = useMutation({
    mutationFn: () => draftBulletin({ unitId: Number(form.unitId), season: form.season.trim() }),
    onSuccess: async (b) => {
      await client.invalidateQueries({ queryKey: agronomyKeys.bulletins() });
      onDrafted(b.id);
    },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); draft.mutate(); };
  return (
    <form className="card" onSubmit={submit} aria-label={t('agro.bulletins.draft')}>
      <h2>{t('agro.bulletins.draft')}</h2>
      <div className="row wrap">
        <label>{t('agro.bulletins.unit')} <select required value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })} data-testid="draft-unit">
          <option value="">—</option>
          {(units.data ?? []).filter((u) => u.level !== 'department').map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select></label>
        <label>{t('agro.bulletins.season')} <input required maxLength={60} value={form.season} placeholder={t('agro.bulletins.seasonExample')} onChange={(e) => setForm({ ...form, season: e.target.value })} /></label>
        <button className="primary" disabled={draft.isPending}>{t('agro.bulletins.makeDraft')}</button>
      </div>
      <ErrorText error={draft.error} />
    </form>
  );
}
