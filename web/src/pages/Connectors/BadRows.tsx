import { useTranslation } from 'react-i18next';
import type { ConnectorRun } from '../../api/connectors';

/** The rows a pull refused, each with its field and the reason in the reader's language. */
export function BadRows({ rows }: { rows: ConnectorRun['badRows'] }) {
  const { t, i18n } = useTranslation();
  if (!rows.length) return null;
  return (
    <div className="table-wrap">
      <table aria-label={t('connectors.refused')}>
        <caption>{t('connectors.refused')}</caption>
        <thead><tr><th>{t('connectors.row')}</th><th>{t('connectors.field')}</th><th>{t('connectors.reason')}</th></tr></thead>
        <tbody>{rows.map((b, i) => <tr key={i}><td>{b.row}</td><td>{b.field}</td><td>{i18n.language === 'vi' ? b.vi : b.en}</td></tr>)}</tbody>
      </table>
    </div>
  );
}
