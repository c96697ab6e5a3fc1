import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { productImage, productQuery } from '../../../api/catalogue';
import { ErrorText } from '../../../components/Chrome';
import { dateTime, dayMonthYear } from '../../../dates';
import { Feed } from './Catalogue';
import { Stars, useNamed } from './parts';

/** One product: its producer, its certificates valid today, its lots (each opening its consumer page), the feed. */
export function Product() {
  const { t } = useTranslation();
  const { named, productName } = useNamed();
  const gtin = useParams().gtin ?? '';
  const p = useQuery({ ...productQuery(gtin), enabled: /^\d{8,14}$/.test(gtin) });
  if (!p.data) {
    if (p.isError || !/^\d{8,14}$/.test(gtin)) return <div className="card"><p>{t('spec.notFound')}</p><ErrorText error={p.error} /></div>;
    return <p className="muted">{t('app.loading')}</p>;
  }
  const d = p.data;
  const producer = d.producer;
  return (
    <>
      <article className="card spec-product" data-testid="spec-product">
        {d.imageUrl && <img src={productImage(d.gtin)} alt="" />}
        <h2>{productName(d)}</h2>
        {d.ocop && <p><Stars stars={d.ocop.stars} /> {t('spec.ocopGroup', { group: named(d.ocop.group) })}{d.ocop.year && ` · ${t('spec.ocopYear', { year: d.ocop.year })}`}</p>}
        <p className="small muted">{named(d.category)} · GTIN {d.gtin}</p>
        {d.description && <p style={{ whiteSpace: 'pre-line' }}>{d.description}</p>}
        {d.whereToBuy && <p>{t('spec.whereToBuy', { where: d.whereToBuy })}</p>}
      </article>
      <section className="card" data-testid="spec-producer">
        <h3>{t('spec.producer')}</h3>
        <p><strong>{producer.name}</strong> <span className="small muted">({t(`spec.kinds.${producer.kind}`)})</span></p>
        <p className="small">{producer.address}</p>
        <p className="small">{producer.communeName}</p>
        {producer.phone && <p><a href={`tel:${producer.phone.replace(/[^\d+]/g, '')}`}>{t('spec.call', { phone: producer.phone })}</a></p>}
        {producer.website && <p className="small"><a href={producer.website} rel="noopener noreferrer" target="_blank">{producer.website}</a></p>}
      </section>
      <section className="card" data-testid="spec-certificates">
        <h3>{t('spec.certificates')}</h3>
        {d.certificates.length === 0 ? <p className="muted small">{t('spec.noCertificates')}</p> : (
          <ul>
            {d.certificates.map((c) => (
              <li key={`${c.scheme.code}-${c.number}`}>
                <strong>{named(c.scheme)}</strong> · {c.number}
                <div className="small muted">{t('spec.certificate', { issuer: c.issuer, from: dayMonthYear(c.validFrom), to: dayMonthYear(c.validTo) })}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h3>{t('spec.lots')}</h3>
        <p className="small muted">{t('spec.tracedLots', { count: d.tracedLots, lots: d.lots })}</p>
        {d.lotList.length === 0 ? <p className="muted small">{t('spec.noLots')}</p> : (
          <ul className="spec-lots" data-testid="spec-lots">
            {d.lotList.map((l) => (
              <li key={l.lot} className={l.recalled ? 'recalled' : undefined} data-lot={l.lot} data-recalled={l.recalled}>
                <a href={l.uri}>{t('spec.lot', { lot: l.lot })}</a>
                {l.recalled && <> <span className="recall">{t('spec.recalled')}</span></>}
                <div className="small">{t('spec.produced', { date: dayMonthYear(l.productionDate) })}{l.expiryDate && ` · ${t('spec.expires', { date: dayMonthYear(l.expiryDate) })}`}</div>
                {l.recalled && <div className="small">{l.recalledAt && t('spec.recalledAt', { at: dateTime(l.recalledAt) })} {l.recallReason}</div>}
                <div className="small muted">{t('spec.events', { count: l.events })}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Feed />
    </>
  );
}
