import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { DataElement as Element } from '../../api/data-elements';
import { indicatorsQuery } from '../../api/indicators';
import { ErrorText } from '../../components/Chrome';
import { useReveal } from '../../components/useReveal';
import { IndicatorEditor } from './IndicatorEditor';

/** The indicators, searchable, beside the one open in the editor (or a new one). */
export function Indicators({ elements, provinceId }: { elements: Element[]; provinceId: number | undefined }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const indicators = useQuery(indicatorsQuery());
  const selected = params.get('indicator');
  const creating = params.get('new') === '1';
  const [filter, setFilter] = useState('');
  const editorRef = useReveal<HTMLDivElement>(selected ?? (creating ? 'new' : null));
  const shown = (indicators.data ?? []).filter((i) => !filter || `${i.code} ${i.nameVi} ${i.nameEn}`.toLowerCase().includes(filter.toLowerCase()));
  const open = (code: string | null) => setParams(code ? { tab: 'indicators', indicator: code } : { tab: 'indicators', new: '1' });
  return (
    <div className="split">
      <section className="card">
        <div className="row wrap">
          <input type="search" aria-label={t('meta.search')} placeholder={t('meta.search')} value={filter} onChange={(e) => setFilter(e.target.value)} />
          <button className="primary" onClick={() => open(null)}>{t('meta.newIndicator')}</button>
        </div>
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('meta.name')}</th><th>{t('meta.pillar')}</th></tr></thead>
            <tbody>
              {shown.map((i) => (
                <tr key={i.code} className={i.code === selected ? 'selected-row' : ''}>
                  <td>
                    <button className="link" onClick={() => open(i.code)}>{i18n.language === 'vi' ? i.nameVi : i.nameEn}</button><br />
                    <small className="muted mono">{i.code} · {i.framework}</small>
                  </td>
                  <td>{t(`score.pillars.${i.pillar}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ErrorText error={indicators.error} />
      </section>
      <div ref={editorRef}>
        {(selected || creating)
          ? <IndicatorEditor key={selected ?? 'new'} code={selected} elements={elements} provinceId={provinceId} onSaved={(code) => open(code)} />
          : <p className="muted card">{t('meta.pickIndicator')}</p>}
      </div>
    </div>
  );
}
