import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../Scorecard/StatusBadge';
import { inLanguage } from './AlertList';

type Figure = { value: number; year: number } | null | undefined;
type Row = {
  code: string; nameVi: string; nameEn: string; latest: Figure; status: Parameters<typeof StatusBadge>[0]['status'];
  target?: Figure; series?: (number | null)[];
};

/** Resolution 07 indicators with their latest value and status; the third column their target or their years' values. */
export function IndicatorTable({ indicators, third }: { indicators: Row[]; third: 'target' | 'trend' }) {
  const { t, i18n } = useTranslation();
  const figure = (f: Figure) => (f ? `${f.value.toLocaleString(i18n.language)} (${f.year})` : '—');
  const trend = (series: (number | null)[] = []) => series.filter((v) => v !== null).map((v) => v!.toLocaleString(i18n.language)).join(' → ') || '—';
  return (
    <div className="table-wrap">
      <table className="ioc-indicators">
        <thead><tr><th>{t('ioc.indicators')}</th><th>{t('ioc.latest')}</th><th>{t(third === 'target' ? 'ioc.target' : 'iocMap.trend')}</th><th /></tr></thead>
        <tbody>
          {indicators.map((i) => (
            <tr key={i.code}>
              <td>{inLanguage({ vi: i.nameVi, en: i.nameEn }, i18n.language)}</td>
              <td>{figure(i.latest)}</td>
              <td>{third === 'target' ? figure(i.target) : trend(i.series)}</td>
              <td><StatusBadge status={i.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
