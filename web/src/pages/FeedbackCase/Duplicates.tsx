import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseAction, type Duplicate } from '../../api/feedback';
import { ErrorText } from '../../components/Chrome';

/** Open cases of the same category close by: this one can be merged into one of them. */
export function Duplicates({ caseId, duplicates, onMerged }: { caseId: number; duplicates: Duplicate[]; onMerged(): void }) {
  const { t } = useTranslation();
  const merge = useMutation({ mutationFn: (into: number) => caseAction(caseId, { action: 'merge', mergeInto: into }), onSuccess: onMerged });
  return (
    <div className="card warn-card" data-testid="duplicates">
      <b>{t('fb.similar')}</b>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>{d.trackingCode} · {d.distanceMeters} m · {t(`fb.states.${d.state}`)} · <span className="muted">{d.description}</span>{' '}
            <button onClick={() => merge.mutate(d.id)}>{t('fb.mergeInto', { code: d.trackingCode })}</button></li>
        ))}
      </ul>
      <ErrorText error={merge.error} />
    </div>
  );
}
