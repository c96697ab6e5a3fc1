import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rateReport } from '../../api/feedback-public';
import { ErrorText } from '../../components/Chrome';

/** Stars, solved or not, and a word: how the citizen rates the answer. */
export function RateForm({ code, onDone }: { code: string; onDone(): void }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [solved, setSolved] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await rateReport(code, { rating, solved, ...(comment.trim() ? { comment } : {}) });
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={submit} aria-label={t('citizen.rate')} data-testid="rate">
      <h3>{t('citizen.rate')}</h3>
      <div className="stars" role="radiogroup" aria-label={t('citizen.stars')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" role="radio" aria-checked={rating === n} aria-label={`${n}/5`} className={n <= rating ? 'star on' : 'star'} onClick={() => setRating(n)}>★</button>
        ))}
      </div>
      <div className="row wrap">
        <label className="inline"><input type="radio" name="solved" checked={solved === true} onChange={() => setSolved(true)} /> {t('citizen.solved')}</label>
        <label className="inline"><input type="radio" name="solved" checked={solved === false} onChange={() => setSolved(false)} /> {t('citizen.notSolved')}</label>
      </div>
      <label>{t('citizen.comment')}<input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} /></label>
      <button className="primary" type="submit" disabled={!rating || solved === null}>{t('citizen.sendRating')}</button>
      <ErrorText error={error} />
    </form>
  );
}
