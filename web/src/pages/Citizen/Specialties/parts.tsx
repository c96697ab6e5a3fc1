import { useTranslation } from 'react-i18next';
import type { Named } from '../../../api/catalogue';

/** The OCOP rating drawn as stars, read out as a number. */
export function Stars({ stars }: { stars: number }) {
  const { t } = useTranslation();
  return <span className="ocop-stars" role="img" aria-label={t('spec.starsLabel', { count: stars })} data-stars={stars}>{'★'.repeat(stars)}</span>;
}

/** A name in the reader's language (the English one when there is one). */
export function useNamed() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return {
    named: (n: Named) => (en ? n.nameEn : n.nameVi),
    productName: (p: { nameVi: string; nameEn: string | null }) => (en && p.nameEn ? p.nameEn : p.nameVi),
  };
}
