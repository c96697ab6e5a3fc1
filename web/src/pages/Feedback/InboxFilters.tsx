import { useTranslation } from 'react-i18next';
import type { FeedbackCategory } from '../../api/feedback-public';
import { PRIORITIES } from '../FeedbackCase';

export interface Filters { state: string; category: string; priority: string; overdue: boolean; mine: boolean; q: string }
export const NO_FILTERS: Filters = { state: '', category: '', priority: '', overdue: false, mine: false, q: '' };

/** The inbox's query string: only the filters set, and a search of two letters or more. */
export const filterParams = (filters: Filters) => new URLSearchParams({
  ...(filters.state ? { state: filters.state } : {}), ...(filters.category ? { category: filters.category } : {}), ...(filters.priority ? { priority: filters.priority } : {}),
  ...(filters.overdue ? { overdue: 'true' } : {}), ...(filters.mine ? { mine: 'true' } : {}), ...(filters.q.trim().length >= 2 ? { q: filters.q.trim() } : {}),
});

export function InboxFilters({ filters, set, categories, categoryName }: {
  filters: Filters; set(k: keyof Filters, v: string | boolean): void; categories: FeedbackCategory[] | undefined; categoryName(code: string): string;
}) {
  const { t } = useTranslation();
  return (
  <div className="row wrap" role="search">
    <select aria-label={t('fb.state')} value={filters.state} onChange={(e) => set('state', e.target.value)}>
      <option value="">{t('fb.allStates')}</option>
      {['routed', 'forwarded', 'accepted', 'in_progress', 'answered', 'closed', 'returned', 'merged'].map((s) => <option key={s} value={s}>{t(`fb.states.${s}`)}</option>)}
    </select>
    <select aria-label={t('fb.category')} value={filters.category} onChange={(e) => set('category', e.target.value)}>
      <option value="">{t('fb.allCategories')}</option>
      {categories?.map((c) => <option key={c.code} value={c.code}>{categoryName(c.code)}</option>)}
    </select>
    <select aria-label={t('fb.priority')} value={filters.priority} onChange={(e) => set('priority', e.target.value)}>
      <option value="">{t('fb.allPriorities')}</option>
      {PRIORITIES.map((p) => <option key={p} value={p}>{t(`fb.priorities.${p}`)}</option>)}
    </select>
    <label className="inline"><input type="checkbox" checked={filters.overdue} onChange={(e) => set('overdue', e.target.checked)} /> {t('fb.overdue')}</label>
    <label className="inline"><input type="checkbox" checked={filters.mine} onChange={(e) => set('mine', e.target.checked)} /> {t('fb.mine')}</label>
    <input type="search" aria-label={t('fb.search')} placeholder={t('fb.search')} value={filters.q} onChange={(e) => set('q', e.target.value)} />
  </div>
  );
}
