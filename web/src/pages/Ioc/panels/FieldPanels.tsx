import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldDataQuery, type Field, type Panel, type PanelFigures } from '../../../api/ioc-panels';
import { Chart } from '../../../components/Chart';
import { inLanguage } from '../AlertList';
import { PanelMap } from './PanelMap';

const ARROWS = { up: '▲', down: '▼', flat: '▶' } as const;
const number = (v: number | null, lang: string) => (v === null ? '—' : v.toLocaleString(lang, { maximumFractionDigits: 2 }));
const statusClass = (s: PanelFigures['status']) => (s === 'breach' ? 'status-off_track' : s === 'ok' ? 'status-achieved' : '');

function NumberPanel({ figures }: { figures: PanelFigures }) {
  const { t, i18n } = useTranslation();
  return (
    <p className={`panel-number ${statusClass(figures.status)}`} data-testid="panel-number">
      <span className="tile-number">{number(figures.value, i18n.language)}</span>
      {figures.trend && <span className={`trend trend-${figures.trend}`} aria-label={t(`iocFields.trend.${figures.trend}`)}> {ARROWS[figures.trend]}</span>}
      <small className="muted"> {t('iocFields.period')} {figures.period}{figures.status ? ` · ${t(`iocFields.status.${figures.status}`)}` : ''}</small>
    </p>
  );
}

function TablePanel({ figures }: { figures: PanelFigures }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap"><table>
      <thead><tr><th>{t('iocFields.unit')}</th><th>{t('iocFields.value')}</th></tr></thead>
      <tbody>{figures.points.map((p) => <tr key={p.label}><td>{p.label}</td><td className={statusClass(p.status)}>{number(p.value, i18n.language)}</td></tr>)}</tbody>
    </table></div>
  );
}

function ChartPanel({ figures, title }: { figures: PanelFigures; title: string }) {
  const colour = (s: PanelFigures['status']) => (s === 'breach' ? '#c0392b' : s === 'ok' ? '#27ae60' : '#2c6fbb');
  const option = {
    animation: false, grid: { left: 40, right: 8, top: 8, bottom: 60 }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: figures.points.map((p) => p.label), axisLabel: { rotate: figures.kind === 'bar' ? 40 : 0 } },
    yAxis: { type: 'value', scale: true },
    series: [figures.kind === 'trend'
      ? { type: 'line', data: figures.points.map((p) => p.value), connectNulls: true }
      : { type: 'bar', data: figures.points.map((p) => ({ value: p.value, itemStyle: { color: colour(p.status) } })) }],
  };
  return <Chart option={option} height={220} label={`${title}: ${figures.points.map((p) => `${p.label} ${p.value ?? '—'}`).join(', ')}`} />;
}

function OnePanel({ panel, figures, token }: { panel: Panel; figures?: PanelFigures; token?: string }) {
  const { t, i18n } = useTranslation();
  const title = inLanguage({ vi: panel.titleVi, en: panel.titleEn }, i18n.language);
  return (
    <article className="card ioc-panel" data-testid={`panel-${panel.id}`} data-kind={panel.kind}>
      <h3>{title}</h3>
      {!figures ? <p>{t('app.loading')}</p>
        : panel.kind === 'number' ? <NumberPanel figures={figures} />
          : panel.kind === 'table' ? <TablePanel figures={figures} />
            : panel.kind === 'map' ? <PanelMap figures={figures} title={title} token={token} />
              : figures.points.length === 0 ? <p className="muted">{t('iocFields.noData')}</p> : <ChartPanel figures={figures} title={title} />}
    </article>
  );
}

/** A field's panels with their figures for the caller's unit (or the wall's). */
export function FieldPanels({ field, unit, token }: { field: Field; unit: string | null; token?: string }) {
  const { i18n } = useTranslation();
  const data = useQuery({ ...fieldDataQuery(field.code, unit, token), enabled: field.panels.length > 0 });
  if (!field.panels.length) return null;
  const byId = new Map(data.data?.panels.map((p) => [p.panelId, p]));
  return (
    <section className="ioc-field" aria-labelledby={`field-${field.code}`} data-testid={`field-${field.code}`}>
      <h2 id={`field-${field.code}`}>{inLanguage({ vi: field.nameVi, en: field.nameEn }, i18n.language)}</h2>
      {data.error && <p className="error" role="alert">{data.error.message}</p>}
      <div className="ioc-panels">{field.panels.map((p) => <OnePanel key={p.id} panel={p} figures={byId.get(p.id)} token={token} />)}</div>
    </section>
  );
}
