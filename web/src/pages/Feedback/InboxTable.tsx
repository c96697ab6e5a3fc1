import { useTranslation } from 'react-i18next';
import type { CaseItem } from '../../api/feedback';
import { dayMonthYear, vnToday } from '../../dates';
import { OPEN_STATES } from '../FeedbackCase';

/** The inbox as a list: late cases in red, the one open highlighted, each ticked for a bulk step. */
export function InboxTable({ items, loaded, filtered, shown, checked, setChecked, setSelected, categoryName }: {
  items: CaseItem[]; loaded: boolean; filtered: boolean; shown: number | null; checked: Set<number>; setChecked(checked: Set<number>): void; setSelected(id: number): void;
  categoryName(code: string): string;
}) {
  const { t } = useTranslation();
  const toggle = (id: number) => {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChecked(next);
  };
  if (loaded && items.length === 0) return <p className="muted card" data-testid="inbox-empty">{filtered ? t('fb.inboxNoMatch') : t('fb.inboxEmpty')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead><tr><th><input type="checkbox" aria-label={t('fb.selectAll')} checked={items.length > 0 && checked.size === items.length} onChange={(e) => setChecked(e.target.checked ? new Set(items.map((c) => c.id)) : new Set())} /></th><th>{t('fb.code')}</th><th>{t('fb.category')}</th><th>{t('fb.unit')}</th><th>{t('fb.due')}</th><th>{t('fb.state')}</th><th>{t('fb.priority')}</th><th>{t('fb.officer')}</th></tr></thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} className={shown === c.id ? 'selected-row' : undefined}>
              <td><input type="checkbox" aria-label={c.trackingCode} checked={checked.has(c.id)} onChange={() => toggle(c.id)} /></td>
              <td><button className="link" onClick={() => setSelected(c.id)}>{c.trackingCode}</button></td>
              <td>{categoryName(c.category)}</td><td>{c.unit}</td>
              <td className={OPEN_STATES.includes(c.state) && c.dueDate < vnToday() ? 'loss' : undefined}>{dayMonthYear(c.dueDate)}</td>
              <td>{t(`fb.states.${c.state}`)}</td>
              <td>{c.priority === 'normal' ? '' : t(`fb.priorities.${c.priority}`)}</td>
              <td>{c.officer ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
