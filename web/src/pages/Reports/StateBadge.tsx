import { useTranslation } from 'react-i18next';
import { vnToday } from '../../dates';

/** A report's state, coloured, and late when its due date has passed unsent. */
export function StateBadge({ state, dueDate }: { state: string | null; dueDate?: string }) {
  const { t } = useTranslation();
  const late = !state || state === 'draft' || state === 'returned' ? dueDate !== undefined && dueDate < vnToday() : false;
  const colour = state === 'approved' ? '#38761d' : state === 'submitted' ? '#0b5394' : state === 'returned' || late ? '#cc0000' : '#7f6000';
  return <span className="badge" style={{ background: colour, color: '#fff' }}>{t(`rep.states.${state ?? 'none'}`)}{late ? ` · ${t('rep.late')}` : ''}</span>;
}
