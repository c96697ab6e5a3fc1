import { casesForFigures, ENDED_STATES } from '../../core/cases/index.js';
import { vnDate } from '../../core/calendar/index.js';
import type { Db } from '../../db/database.js';
import { KIND } from './policy.js';

export interface FeedbackCounts { received: number; answered: number; answeredOnTime: number }

/**
 * How much feedback was received and answered (on time or not) in each period (Việt Nam dates, both ends included),
 * and how much is still unanswered past its deadline on a day: what a briefing says of citizens' feedback.
 */
export async function feedbackCounts(db: Db, options: { periods: { start: string; end: string }[]; lateOn: string }) {
  const cases = await casesForFigures(db, KIND);
  const inPeriod = (day: string, p: { start: string; end: string }) => day >= p.start && day <= p.end;
  const periods: FeedbackCounts[] = options.periods.map((p) => {
    const counts = { received: 0, answered: 0, answeredOnTime: 0 };
    for (const c of cases) {
      if (inPeriod(vnDate(c.received_at), p)) counts.received += 1;
      const answered = c.answered_at ? vnDate(c.answered_at) : null;
      if (answered && inPeriod(answered, p)) {
        counts.answered += 1;
        if (answered <= c.due_date) counts.answeredOnTime += 1;
      }
    }
    return counts;
  });
  const late = cases.filter((c) => !c.answered_at && !ENDED_STATES.includes(c.state) && c.due_date < options.lateOn).length;
  return { periods, late };
}
