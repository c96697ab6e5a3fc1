import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { categoryCombosQuery } from '../../api/category-combos';
import { dataElementsQuery } from '../../api/data-elements';
import { unitsQuery } from '../../api/org-units';
import { ErrorText } from '../../components/Chrome';
import { Combos } from './Combos';
import { Elements } from './Elements';
import { Indicators } from './Indicators';

/** The province's catalogue of figures: indicators with their formulas and targets, data elements, disaggregations. */
export function MetadataPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'indicators';
  const elements = useQuery(dataElementsQuery());
  const combos = useQuery(categoryCombosQuery());
  const provinces = useQuery(unitsQuery({ level: 'province' }));
  const provinceId = useMemo(() => provinces.data?.[0]?.id, [provinces.data]);
  return (
    <section>
      <h1>{t('meta.title')}</h1>
      <div className="tabs" role="tablist">
        {(['indicators', 'elements', 'combos'] as const).map((k) => (
          <button key={k} role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setParams({ tab: k })}>{t(`meta.tabs.${k}`)}</button>
        ))}
      </div>
      {tab === 'indicators' && <Indicators elements={elements.data ?? []} provinceId={provinceId} />}
      {tab === 'elements' && <Elements elements={elements.data ?? []} combos={combos.data ?? []} />}
      {tab === 'combos' && <Combos combos={combos.data ?? []} />}
      <ErrorText error={elements.error ?? combos.error} />
    </section>
  );
}
