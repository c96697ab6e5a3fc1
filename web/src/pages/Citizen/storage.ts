// What the citizen's device keeps: the codes of the reports sent from it, and reports waiting for a connection.
export const MY_REPORTS = 'tinhso.myReports';
export const QUEUED = 'tinhso.queuedReports';
const STATE_COLOURS: Record<string, string> = { answered: '#38761d', closed: '#6aa84f' };
export const colourOf = (state: string) => STATE_COLOURS[state] ?? '#e69138';

export const readList = <T,>(key: string): T[] => {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '[]') as T[];
  } catch {
    return [];
  }
};
export const remember = (code: string) => localStorage.setItem(MY_REPORTS, JSON.stringify([code, ...readList<string>(MY_REPORTS).filter((c) => c !== code)].slice(0, 50)));
