import { useCallback, useMemo, useState, type ChangeEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { boundariesQuery, orgUnitKeys, unitDetailQuery, unitTreeQuery, uploadBoundaries, type TreeNode, type UnitLink as Link } from '../api/org-units';
import { useCan } from '../auth';
import { ErrorText } from '../components/Chrome';
import { dayMonthYear } from '../dates';
import { UnitMap } from '../components/UnitMap';
import { useReveal } from '../components/useReveal';

const todayIso = () => new Date().toISOString().slice(0, 10);
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function countCommunes(node: TreeNode): number {
  return node.children.reduce((n, c) => n + (c.level === 'commune' ? 1 : 0) + countCommunes(c), 0);
}

function TreeView({ nodes, selectedId, onSelect, filter }: { nodes: TreeNode[]; selectedId?: number; onSelect(id: number): void; filter: string }) {
  const matches = (n: TreeNode): boolean => !filter || n.name.toLowerCase().includes(filter) || n.code.includes(filter) || n.children.some(matches);
  return (
    <ul className="tree">
      {nodes.filter(matches).map((n) => (
        <li key={n.id}>
          <details open={n.level === 'province' || Boolean(filter)}>
            <summary className={n.id === selectedId ? 'selected' : undefined}>
              <button className="link" onClick={(e) => { e.preventDefault(); onSelect(n.id); }}>{n.name}</button>
              <small className="muted"> {n.code}{n.children.length ? ` · ${n.children.length}` : ''}</small>
            </summary>
            {n.children.length > 0 && <TreeView nodes={n.children} selectedId={selectedId} onSelect={onSelect} filter={filter} />}
          </details>
        </li>
      ))}
    </ul>
  );
}

function UnitDetail({ id, asOf, onSelect, onDate }: { id: number; asOf: string; onSelect(id: number): void; onDate(d: string): void }) {
  const { t } = useTranslation();
  const detail = useQuery(unitDetailQuery(id, asOf));
  if (detail.isLoading) return <p>{t('app.loading')}</p>;
  if (detail.error) return <ErrorText error={detail.error} />;
  const d = detail.data!;
  const validity = `${d.unit.validFrom ? `${t('units.from')} ${dayMonthYear(d.unit.validFrom)}` : t('units.sinceRecords')} ${t('units.to')} ${d.unit.validTo ? dayMonthYear(d.unit.validTo) : t('units.now')}`;
  const link = (l: Link) => (
    <li key={`${l.eventId}-${l.unit.id}`}>
      <button className="link" onClick={() => { onDate(l.unit.validFrom ?? l.unit.validTo ?? asOf); onSelect(l.unit.id); }}>{l.unit.name}</button>{' '}
      <small className="muted">{l.unit.code} · {dayMonthYear(l.date)}{l.legalBasis ? ` · ${l.legalBasis}` : ''}</small>
    </li>
  );
  const endings = d.events.filter((e) => e.role === 'predecessor' && d.successors.length === 0);
  return (
    <div className="card detail" data-testid="unit-detail">
      <h2>{d.unit.name}</h2>
      <dl>
        <dt>{t('units.code')}</dt><dd>{d.unit.code}</dd>
        <dt>{t('units.type')}</dt><dd>{d.unit.type} · {t(`levels.${d.unit.level}`)}</dd>
        <dt>{t('units.valid')}</dt><dd>{validity}</dd>
        {d.ancestors.length > 0 && (<><dt>{t('units.parents')}</dt><dd>{d.ancestors.map((a) => <button key={a.id} className="link crumb" onClick={() => onSelect(a.id)}>{a.name}</button>)}</dd></>)}
      </dl>
      {d.predecessors.length > 0 && (<><h3>{t('units.predecessors')}</h3><ul>{d.predecessors.map(link)}</ul></>)}
      {d.successors.length > 0 && (<><h3>{t('units.successors')}</h3><ul>{d.successors.map(link)}</ul></>)}
      {endings.map((e) => <p key={e.eventId} className="muted">{t('units.ended')} {dayMonthYear(dayBefore(e.date))} — {e.note} <small>({t('units.legal')}: {e.legalBasis})</small></p>)}
      {d.children.length > 0 && (
        <>
          <h3>{t('units.children', { count: d.children.length })}</h3>
          <ul className="columns">{d.children.map((c) => <li key={c.id}><button className="link" onClick={() => onSelect(c.id)}>{c.name}</button></li>)}</ul>
        </>
      )}
    </div>
  );
}

function BoundaryUpload({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [source, setSource] = useState('OpenStreetMap contributors (ODbL)');
  const upload = useMutation({
    mutationFn: async (file: File) => uploadBoundaries({ asOf, source, collection: JSON.parse(await file.text()) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: orgUnitKeys.boundaries() }),
  });
  return (
    <details className="card">
      <summary>{t('units.upload')}</summary>
      <label>{t('units.uploadSource')}<input value={source} onChange={(e) => setSource(e.target.value)} /></label>
      <input type="file" accept=".geojson,.json,application/geo+json,application/json" onChange={(e: ChangeEvent<HTMLInputElement>) => e.target.files?.[0] && upload.mutate(e.target.files[0])} />
      {upload.isPending && <progress />}
      {upload.data && <p className="ok">{t('units.uploaded', { count: upload.data.updated })}</p>}
      <ErrorText error={upload.error instanceof SyntaxError ? new Error('JSON: ' + upload.error.message) : upload.error} />
    </details>
  );
}

export function UnitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [asOf, setAsOf] = useState(todayIso());
  const [selectedId, setSelectedId] = useState<number>();
  const detailRef = useReveal<HTMLDivElement>(selectedId);
  const [filter, setFilter] = useState('');
  const tree = useQuery(unitTreeQuery(asOf));
  const boundaries = useQuery(boundariesQuery(asOf));

  const values = useMemo(() => {
    const map = new Map<number, number>();
    const walk = (nodes: TreeNode[]) => nodes.forEach((n) => { map.set(n.id, countCommunes(n)); walk(n.children); });
    walk(tree.data ?? []);
    return map;
  }, [tree.data]);
  const total = useMemo(() => {
    let n = 0;
    const walk = (nodes: TreeNode[]) => nodes.forEach((x) => { n++; walk(x.children); });
    walk(tree.data ?? []);
    return n;
  }, [tree.data]);
  const select = useCallback((id: number) => setSelectedId(id), []);
  const features = boundaries.data?.features.length ?? 0;

  return (
    <section className="units">
      <div className="row wrap">
        <h1>{t('nav.units')}</h1>
        <span className="spacer" />
        <label className="inline">{t('units.asOf')} <input type="date" name="asOf" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} /></label>
        <button onClick={() => setAsOf('2024-12-31')}>2024</button>
        <button onClick={() => setAsOf('2025-07-01')}>01/07/2025</button>
      </div>
      <div className="units-grid">
        <div className="card tree-card">
          <h2>{t('units.tree')} <small className="muted">{t('units.total', { count: total })}</small></h2>
          <input type="search" placeholder={t('units.search')} value={filter} onChange={(e) => setFilter(e.target.value.toLowerCase())} />
          {tree.isLoading ? <p>{t('app.loading')}</p> : <TreeView nodes={tree.data ?? []} selectedId={selectedId} onSelect={select} filter={filter} />}
          <ErrorText error={tree.error} />
        </div>
        <div className="card map-card">
          <h2>{t('units.map')}</h2>
          {features > 0 ? (
            <UnitMap geojson={boundaries.data!} values={values} valueLabel={t('units.communeCount')} selectedId={selectedId} onSelect={select} label={`${t('units.map')}: ${features}`} />
          ) : (
            <p className="notice" data-testid="no-boundary">{boundaries.isLoading ? t('app.loading') : t('units.noBoundary')}</p>
          )}
          <p className="muted small">{t('units.communeCount')} · {t('units.attribution')}</p>
        </div>
        <div className="detail-col" ref={detailRef}>
          {selectedId ? <UnitDetail id={selectedId} asOf={asOf} onSelect={select} onDate={setAsOf} /> : <p className="muted">{t('units.select')}</p>}
          {can('boundaries.upload') && <BoundaryUpload asOf={asOf} />}
        </div>
      </div>
    </section>
  );
}
