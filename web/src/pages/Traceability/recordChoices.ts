import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Lot, Place, Product } from '../../api/traceability';
import { traceKeys } from '../../api/traceability';

// What the phone form offers: the lots still on sale (not recalled) of the products the user may record for, and
// the producers' places. Kept on the phone, so that the form opens and fills in a field without signal.

export interface LotChoice { lot: Lot; productName: string; productNameEn: string | null; producerId: number }
export interface RecordChoices { lots: LotChoice[]; places: Place[] }

const KEY = 'tinhso.trace.choices';

async function loadChoices(): Promise<RecordChoices> {
  const products = (await api<{ items: Product[] }>('/api/traceability/products')).items;
  const lots = (await Promise.all(products.map(async (p) => (await api<{ items: Lot[] }>(`/api/traceability/products/${p.id}/lots`)).items
    .filter((l) => !l.recalledAt).map((lot) => ({ lot, productName: p.nameVi, productNameEn: p.nameEn, producerId: p.producerId }))))).flat();
  const producers = [...new Set(products.map((p) => p.producerId))];
  const places = (await Promise.all(producers.map(async (id) => (await api<{ items: Place[] }>(`/api/traceability/producers/${id}/places`)).items))).flat();
  const choices = { lots, places };
  localStorage.setItem(KEY, JSON.stringify(choices));
  return choices;
}

function keptChoices(): RecordChoices {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as RecordChoices | null;
    return kept && Array.isArray(kept.lots) ? kept : { lots: [], places: [] };
  } catch {
    return { lots: [], places: [] };
  }
}

/** The lots and places, from the server when it answers, else as last kept on the phone. */
export function useRecordChoices() {
  const query = useQuery({ queryKey: [...traceKeys.all, 'record-choices'], queryFn: loadChoices, retry: 0 });
  return { choices: query.data ?? keptChoices(), error: query.error, loading: query.isLoading };
}
