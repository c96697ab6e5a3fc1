import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { alertsQuery } from '../../api/alerts';
import { AlertList } from './AlertList';

/** Every alert the user may see, active first, for the phone's short list. */
export function AlertsPage() {
  const { t } = useTranslation();
  const alerts = useQuery(alertsQuery('state=active'));
  return <section><h1>{t('ioc.allAlerts')}</h1><AlertList alerts={alerts.data?.alerts ?? []} /></section>;
}
