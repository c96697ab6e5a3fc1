import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import catalogue from '../../../../data/reference/traceability/catalogue.json';
import type { ProducerStatus } from '../../api/traceability';
import { useAuth } from '../../auth';

// What the traceability pages share: the catalogue's lists (read at build time), a producer's status, the sub-menu.

type Coded = { code: string; nameVi: string; nameEn: string };
export const CATEGORIES: Coded[] = catalogue.categories;
export const SCHEMES: Coded[] = catalogue.certificationSchemes;
export const STATUSES: ProducerStatus[] = ['pending', 'verified', 'suspended'];

/** A code of the catalogue named in the reader's language. */
export function useCodeName() {
  const { i18n } = useTranslation();
  return (list: Coded[], code: string | null) => {
    const found = list.find((c) => c.code === code);
    return found ? (i18n.language === 'en' ? found.nameEn : found.nameVi) : (code ?? '—');
  };
}

const STATUS_COLOURS: Record<ProducerStatus, string> = { pending: '#fff2cc', verified: '#d9ead3', suspended: '#f4cccc' };
export function StatusBadge({ status }: { status: ProducerStatus }) {
  const { t } = useTranslation();
  return <span className="badge" style={{ background: STATUS_COLOURS[status] }} data-testid="producer-status" data-status={status}>{t(`trace.status.${status}`)}</span>;
}

/** Whether the signed-in user is a producer's account (an outsider to the back office). */
export function useIsProducer(): boolean {
  return useAuth().me?.user.role === 'producer';
}

export function TraceNav() {
  const { t } = useTranslation();
  return (
    <p className="row wrap small">
      <Link to="/traceability">{t('trace.nav.producers')}</Link>
      <Link to="/traceability/products">{t('trace.nav.products')}</Link>
      <Link to="/traceability/record">{t('trace.nav.record')}</Link>
    </p>
  );
}

/** Empty text fields as null (the server's "none"), others trimmed. */
export const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
