import { useTranslation } from 'react-i18next';

/** On track, at risk, achieved…: the indicator's status against its target, coloured. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`score.status.${status}`)}</span>;
}
