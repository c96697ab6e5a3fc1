import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth';
import { categoriesQuery } from '../../api/feedback-public';
import { RoutingRules } from './RoutingRules';
import { Templates } from './Templates';
import { Webhooks } from './Webhooks';

/** Feedback settings: routing rules (administrators edit), answer templates (reviewers and administrators), webhooks. */
export function FeedbackSettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const categories = useQuery(categoriesQuery());
  return (
    <section>
      <h1>{t('fbs.title')}</h1>
      <RoutingRules categories={categories.data ?? []} />
      <Templates categories={categories.data ?? []} />
      {can('webhooks.manage') && <Webhooks />}
    </section>
  );
}
