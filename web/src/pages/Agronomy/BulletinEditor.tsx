import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agronomyKeys, bulletinPdf, editBulletin, moveBulletin, type Bulletin, type WindowInput } from '../../api/agronomy';
import { useAuth } from '../../auth';
import { ErrorText } from '../../components/Chrome';
import { dateTime, dayMonthYear } from '../../dates';

/** One bulletin: its windows and advice, editable while a draft; approve, reopen and publish for those who may. */
export function BulletinEditor({ bulletin: b }: { bulletin: Bulletin }) {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const client = useQueryClient();
  const [title, setTitle] = useState(b.title);
  const [advice, setAdvice] = useState(b.advice);
  const [windows, setWindows] = useState<WindowInput[]>(b.windows.map((w) => ({ unitId: w.unit.id, from: w.from, to: w.to, peak: w.peak, round: w.round })));
  const done = (next: Bulletin) => {
    client.setQueryData(agronomyKeys.bulletin(next.id), next);
    return client.invalidateQueries({ queryKey: agronomyKeys.bulletins() });
  };
  const original = JSON.stringify(b.windows.map((w) => ({ unitId: w.unit.id, from: w.from, to: w.to, peak: w.peak, round: w.round })));
  // Only what changed is sent: the server keeps the rest as drafted.
  const save = useMutation({
    mutationFn: () => editBulletin(b.id, {
      ...(title.trim() !== b.title ? { title: title.trim() } : {}), ...(advice !== b.advice ? { advice } : {}), ...(JSON.stringify(windows) !== original ? { windows } : {}),
    }),
    onSuccess: done,
  });
  const move = useMutation({ mutationFn: (verb: 'approve' | 'reopen' | 'publish') => moveBulletin(b.id, verb), onSuccess: done });
  const role = me?.user.role;
  const approver = role === 'admin' || role === 'reviewer';
  const draft = b.status === 'draft';
  const setWindow = (i: number, patch: Partial<WindowInput>) => setWindows(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <div className="card" data-testid="bulletin">
      <h2>{b.title}</h2>
      <p className="small">
        <span className="badge" data-status={b.status}>{t(`agro.bulletins.state.${b.status}`)}</span>{' '}
        {t('agro.bulletins.draftedBy', { who: b.draftedBy, at: dateTime(b.draftedAt) })}
        {b.approvedBy && ` · ${t('agro.bulletins.approvedBy', { who: b.approvedBy, at: dateTime(b.approvedAt!) })}`}
        {b.publishedBy && ` · ${t('agro.bulletins.publishedBy', { who: b.publishedBy, at: dateTime(b.publishedAt!) })}`}
      </p>
      {draft && <label className="block">{t('agro.bulletins.titleField')} <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} style={{ width: '100%' }} /></label>}
      <h3>{t('agro.bulletins.windows')}</h3>
      <div className="table-wrap">
        <table data-testid="bulletin-windows">
          <thead><tr><th>{t('agro.bulletins.round')}</th><th>{t('agro.commune')}</th><th>{t('agro.bulletins.from')}</th><th>{t('agro.bulletins.to')}</th><th>{t('agro.bulletins.peak')}</th></tr></thead>
          <tbody>
            {b.windows.map((w, i) => (
              <tr key={`${w.unit.id}-${w.round}`}>
                <td>{w.round}</td>
                <td>{w.unit.name}</td>
                {draft ? (
                  <>
                    <td><input type="date" aria-label={t('agro.bulletins.from')} value={windows[i]!.from} onChange={(e) => setWindow(i, { from: e.target.value })} /></td>
                    <td><input type="date" aria-label={t('agro.bulletins.to')} value={windows[i]!.to} onChange={(e) => setWindow(i, { to: e.target.value })} /></td>
                  </>
                ) : (
                  <>
                    <td>{dayMonthYear(w.from)} <small className="muted">({t('agro.bulletins.lunar', { date: i18n.language === 'en' ? w.fromLunarEn : w.fromLunar })})</small></td>
                    <td>{dayMonthYear(w.to)} <small className="muted">({t('agro.bulletins.lunar', { date: i18n.language === 'en' ? w.toLunarEn : w.toLunar })})</small></td>
                  </>
                )}
                <td>{dayMonthYear(w.peak)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('agro.bulletins.advice')}</h3>
      {draft ? <textarea aria-label={t('agro.bulletins.advice')} rows={5} maxLength={4000} value={advice} onChange={(e) => setAdvice(e.target.value)} style={{ width: '100%' }} />
        : <p style={{ whiteSpace: 'pre-line' }}>{b.advice || '—'}</p>}
      <div className="row wrap">
        {draft && role !== 'leader' && <button onClick={() => save.mutate()} disabled={save.isPending}>{t('agro.bulletins.save')}</button>}
        {draft && approver && me?.user.username !== b.draftedBy && <button className="primary" onClick={() => move.mutate('approve')} disabled={move.isPending}>{t('agro.bulletins.approve')}</button>}
        {draft && approver && me?.user.username === b.draftedBy && <span className="muted small">{t('agro.bulletins.notOwn')}</span>}
        {b.status === 'approved' && approver && <button onClick={() => move.mutate('reopen')} disabled={move.isPending}>{t('agro.bulletins.reopen')}</button>}
        {b.status === 'approved' && approver && <button className="primary" onClick={() => move.mutate('publish')} disabled={move.isPending}>{t('agro.bulletins.publish')}</button>}
        <a className="button" href={bulletinPdf(b.id, 'vi')} download>{t('agro.bulletins.pdfVi')}</a>
        <a className="button" href={bulletinPdf(b.id, 'en')} download>{t('agro.bulletins.pdfEn')}</a>
      </div>
      {save.isSuccess && draft && <p role="status">{t('agro.bulletins.saved')}</p>}
      <ErrorText error={save.error ?? move.error} />
      {i18n.language === 'en' && <p className="muted small">{t('agro.bulletins.viOnly')}</p>}
    </div>
  );
}
