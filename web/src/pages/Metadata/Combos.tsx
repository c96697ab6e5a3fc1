import type { Combo } from '../../api/category-combos';
import { ComboForm } from './ComboForm';
import { ComboTable } from './ComboTable';

/** The disaggregations: those there are, beside the form of a new one. */
export function Combos({ combos }: { combos: Combo[] }) {
  return (
    <div className="split">
      <ComboTable combos={combos} />
      <ComboForm />
    </div>
  );
}
