import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLOR, SEVERITY_COLOR, type Level, type SalinityLevel, type Species } from '../../api/agronomy';

const DAY = 86_400_000;
export const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
export const isDay = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** A trap's or a night's level, in its colour. */
export function LevelBadge({ level }: { level: Level }) {
  const { t } = useTranslation();
  return <span className="badge" style={{ background: LEVEL_COLOR[level], color: '#fff' }} data-level={level}>{t(`agro.level.${level}`)}</span>;
}

/** A station's salinity level against its crop stage's limit; none below the first tier. */
export function SalinityBadge({ level }: { level: SalinityLevel | null }) {
  const { t } = useTranslation();
  if (!level) return <span className="badge" style={{ background: '#38761d', color: '#fff' }} data-severity="none">{t('agro.salinity.ok')}</span>;
  return <span className="badge" style={{ background: SEVERITY_COLOR[level.severity], color: '#fff' }} data-severity={level.severity}>{t(`agro.severity.${level.severity}`)}</span>;
}
export const salinityColor = (level: SalinityLevel | null) => (level ? SEVERITY_COLOR[level.severity]! : '#38761d');

/** A species' name in the reader's language, its code when unknown. */
export function useSpeciesName(species: Species[] | undefined) {
  const { i18n } = useTranslation();
  return (code: string) => {
    const s = species?.find((x) => x.code === code);
    return s ? (i18n.language === 'en' ? s.nameEn : s.nameVi) : code;
  };
}

/** The agronomy screens' own tabs. */
export function AgronomyNav() {
  const { t } = useTranslation();
  const tabs = [['/agronomy', 'traps'], ['/agronomy/salinity', 'salinity'], ['/agronomy/bulletins', 'bulletins'], ['/agronomy/count', 'count']] as const;
  return (
    <nav className="row wrap" aria-label={t('agro.sections')}>
      {tabs.map(([to, key]) => <NavLink key={to} to={to} end className={({ isActive }) => (isActive ? 'button primary' : 'button')}>{t(`agro.tabs.${key}`)}</NavLink>)}
    </nav>
  );
}

/** Numbers as the reader writes them (1.234 in Vietnamese, 1,234 in English). */
export const useNumber = () => {
  const { i18n } = useTranslation();
  return (n: number, digits = 0) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: digits });
};
