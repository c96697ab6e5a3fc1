import { useEffect, useState } from 'react';
import { checkFormula, type Verdict } from '../../api/indicators';

/** The formulas are checked by the server as they are typed (after a pause), with the same rules saving applies. */
export function useFormulaVerdict(numerator: string, denominator: string): Verdict | null {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  useEffect(() => {
    if (!numerator.trim()) return setVerdict(null);
    const timer = setTimeout(() => {
      checkFormula(numerator, denominator).then(setVerdict, () => setVerdict(null));
    }, 350);
    return () => clearTimeout(timer);
  }, [numerator, denominator]);
  return verdict;
}
