import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, catalogueQuery, FEED_CSV, FEED_JSON, OCOP_GROUPS, PAGE_SIZE, productImage, type CatalogueItem } from '../../../api/catalogue';
import { ErrorText } from '../../../components/Chrome';
import { Stars, useNamed } from './parts';

/** The list, filtered by the API's parameters kept in the address (so a filtered list can be shared), a page at a time. */
export function Catalogue() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const stars = Number(params.get('sao')) || undefined;
  const group = params.get('nhom') ?? '';
  const category = params.get('loai') ?? '';
  const q = params.get('q') ?? '';
  const offset = Math.max(0, Number(params.get('tu')) || 0);
  const [text, setText] = useState(q);
  const list = useQuery(catalogueQuery({ stars, group: group || undefined, category: category || undefined, q: q || undefined, offset }));
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('tu');
    setParams(next, { replace: true });
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    set('q', text.trim());
  };
  const page = (to: number) => {
    const next = new URLSearchParams(params);
    if (to > 0) next.set('tu', String(to));
    else next.delete('tu');
    setParams(next);
    window.scrollTo(0, 0);
  };
  const data = list.data;
  return (
    <>
      <p className="muted">{t('spec.intro')}</p>
      <form className="card spec-filters" onSubmit={search} role="search" data-testid="spec-filters">
        <label>{t('spec.stars')}
          <select value={stars ?? ''} onChange={(e) => set('sao', e.target.value)} data-testid="filter-stars">
            <option value="">{t('spec.anyStars')}</option>
            {[5, 4, 3, 2, 1].map((n) => <option key={n} value={n}>{t('spec.starsOption', { count: n })}</option>)}
          </select>
        </label>
        <label>{t('spec.group')}
          <select value={group} onChange={(e) => set('nhom', e.target.value)} data-testid="filter-group">
            <option value="">{t('spec.anyGroup')}</option>
            {OCOP_GROUPS.map((g) => <option key={g} value={g}>{t(`spec.groups.${g}`)}</option>)}
          </select>
        </label>
        <label>{t('spec.category')}
          <select value={category} onChange={(e) => set('loai', e.target.value)} data-testid="filter-category">
            <option value="">{t('spec.anyCategory')}</option>
            {CATEGORIES.map((c) => <option key={c} value={c}>{t(`spec.categories.${c}`)}</option>)}
          </select>
        </label>
        <div className="search">
          <label>{t('spec.search')}
            <input type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} placeholder={t('spec.searchHint')} />
          </label>
          <button type="submit">{t('spec.find')}</button>
        </div>
      </form>
      {data && <p className="small muted" role="status" data-testid="spec-total">{t('spec.total', { count: data.total })}</p>}
      {data && data.items.length === 0 && <p className="muted">{t('spec.none')}</p>}
      {data && data.items.length > 0 && (
        <ul className="spec-list" data-testid="spec-list">
          {data.items.map((item) => <Card key={item.gtin} item={item} />)}
        </ul>
      )}
      {!data && !list.error && <p className="muted">{t('app.loading')}</p>}
      <ErrorText error={list.error} />
      {data && data.total > PAGE_SIZE && (
        <nav className="spec-pager" aria-label={t('spec.pages')}>
          <button type="button" disabled={offset === 0} onClick={() => page(Math.max(0, offset - PAGE_SIZE))}>{t('spec.previous')}</button>
          <span className="small">{t('spec.pageOf', { page: Math.floor(offset / PAGE_SIZE) + 1, pages: Math.ceil(data.total / PAGE_SIZE) })}</span>
          <button type="button" disabled={offset + PAGE_SIZE >= data.total} onClick={() => page(offset + PAGE_SIZE)}>{t('spec.next')}</button>
        </nav>
      )}
      <Feed />
    </>
  );
}

function Card({ item }: { item: CatalogueItem }) {
  const { t } = useTranslation();
  const { named, productName } = useNamed();
  return (
    <li className="spec-card" data-gtin={item.gtin}>
      {item.imageUrl && <img src={productImage(item.gtin)} alt="" loading="lazy" />}
      <div className="body">
        <h2><Link to={`/cong-dan/dac-san/${item.gtin}`}>{productName(item)}</Link></h2>
        {item.ocop && <div><Stars stars={item.ocop.stars} /> <span className="small">{t('spec.ocopGroup', { group: named(item.ocop.group) })}</span></div>}
        <div className="small muted">{named(item.category)}</div>
        <div className="small">{item.producer.name} · {item.producer.communeName}</div>
        {item.whereToBuy && <div className="small">{t('spec.whereToBuy', { where: item.whereToBuy })}</div>}
        <div className="small muted" data-testid="traced">{t('spec.tracedLots', { count: item.tracedLots, lots: item.lots })}</div>
      </div>
    </li>
  );
}

/** The marketplace feed, for shops and portals that list the province's products. */
export function Feed() {
  const { t } = useTranslation();
  return (
    <div className="card small" data-testid="spec-feed">
      <p>{t('spec.feedText')}</p>
      <p className="row wrap">
        <a className="button" href={FEED_CSV} download>{t('spec.feedCsv')}</a>
        <a className="button" href={FEED_JSON}>{t('spec.feedJson')}</a>
      </p>
    </div>
  );
}
