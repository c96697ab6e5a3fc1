import { useQueryClient } from '@tanstack/react-query';
import { feedbackKeys } from '../../api/feedback';

/** After any step on a case: the case again, and every list it shows in (its state, officer or priority changed). */
export function useRefreshCase(id: number) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: feedbackKeys.case(id) });
    void client.invalidateQueries({ queryKey: feedbackKeys.lists() });
  };
}
