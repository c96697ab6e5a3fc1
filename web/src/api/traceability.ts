import { queryOptions } from '@tanstack/react-query';
import type {
  AccountInput, AccountView, CaptureJob as CaptureJobView, CaptureProblem as CaptureProblemView, CertificateInput, CertificateView, ImportResult as ImportResultView,
  Integrity as IntegrityView, LotInput, LotView, PlaceInput, PlaceView, ProducerInput, ProducerView, ProductInput, ProductView,
} from '../../../src/modules/traceability/index.js';
import { api } from './client';
import type { Json } from './json';

// Traceability (issue 16): producers, their places, products, certificates, lots, serials and EPCIS events. The
// shapes are the server's (src/modules/traceability/schema.ts) as they cross the wire (dates as ISO strings).
export type ProducerStatus = Producer['status'];
export type ProducerKind = Producer['kind'];
export type Producer = Json<ProducerView>;
export type { AccountInput, CertificateInput, LotInput, PlaceInput, ProducerInput, ProductInput };
export type Account = Json<AccountView>;
export type Place = Json<PlaceView>;
export type Product = Json<ProductView>;
export type Lot = Json<LotView>;
export type Certificate = Json<CertificateView>;
export type Integrity = Json<IntegrityView>;
export type ImportResult = Json<ImportResultView>;
export type CaptureProblem = Json<CaptureProblemView>;
export type CaptureJob = Json<CaptureJobView>;
export type EpcisEvent = Record<string, unknown> & { eventID?: string; eventTime?: string; bizStep?: string; type?: string };
interface QueryDocument { epcisBody: { queryResults: { resultsBody: { eventList: EpcisEvent[] } } } }

const base = '/api/traceability';
export const traceKeys = {
  all: ['traceability'] as const,
  producers: (q: string, status: string) => [...traceKeys.all, 'producers', q, status] as const,
  producer: (id: number) => [...traceKeys.all, 'producer', id] as const,
  places: (id: number) => [...traceKeys.all, 'places', id] as const,
  products: () => [...traceKeys.all, 'products'] as const,
  product: (id: number) => [...traceKeys.all, 'product', id] as const,
  certificates: (id: number) => [...traceKeys.all, 'certificates', id] as const,
  integrity: (id: number) => [...traceKeys.all, 'integrity', id] as const,
  lots: (productId: number) => [...traceKeys.all, 'lots', productId] as const,
  lot: (id: number) => [...traceKeys.all, 'lot', id] as const,
  events: (epcClass: string) => [...traceKeys.all, 'events', epcClass] as const,
};

export const producersQuery = (q: string, status: ProducerStatus | '') => queryOptions({
  queryKey: traceKeys.producers(q, status),
  queryFn: () => api<{ items: Producer[]; total: number }>(`${base}/producers?${new URLSearchParams({ ...(q && { q }), ...(status && { status }), limit: '200' })}`),
});
export const producerQuery = (id: number) => queryOptions({ queryKey: traceKeys.producer(id), queryFn: () => api<Producer>(`${base}/producers/${id}`) });
export const placesQuery = (id: number) => queryOptions({ queryKey: traceKeys.places(id), queryFn: async () => (await api<{ items: Place[] }>(`${base}/producers/${id}/places`)).items });
export const productsQuery = () => queryOptions({ queryKey: traceKeys.products(), queryFn: async () => (await api<{ items: Product[] }>(`${base}/products`)).items });
export const productQuery = (id: number) => queryOptions({ queryKey: traceKeys.product(id), queryFn: () => api<Product>(`${base}/products/${id}`) });
export const certificatesQuery = (id: number) => queryOptions({
  queryKey: traceKeys.certificates(id), queryFn: async () => (await api<{ items: Certificate[] }>(`${base}/producers/${id}/certificates`)).items,
});
export const integrityQuery = (id: number) => queryOptions({ queryKey: traceKeys.integrity(id), queryFn: () => api<Integrity>(`${base}/producers/${id}/integrity`) });
export const lotsQuery = (productId: number) => queryOptions({ queryKey: traceKeys.lots(productId), queryFn: async () => (await api<{ items: Lot[] }>(`${base}/products/${productId}/lots`)).items });
export const lotQuery = (id: number) => queryOptions({ queryKey: traceKeys.lot(id), queryFn: () => api<Lot>(`${base}/lots/${id}`) });

/** The class a lot's events name in quantityList: its canonical GS1 Digital Link (what the server stores and matches). */
export const lotClass = (gtin: string, lot: string) => `https://id.gs1.org/01/${gtin}/10/${encodeURIComponent(lot)}`;
/** A lot's journey: every event whose quantityList names the lot, in event time order. */
export const lotEventsQuery = (gtin: string, lot: string) => queryOptions({
  queryKey: traceKeys.events(lotClass(gtin, lot)),
  queryFn: async () => (await api<QueryDocument>(`${base}/epcis/events?${new URLSearchParams({ MATCH_epcClass: lotClass(gtin, lot), perPage: '1000' })}`)).epcisBody.queryResults.resultsBody.eventList,
});

export const registerProducer = (input: ProducerInput) => api<Producer>(`${base}/producers`, { method: 'POST', body: input });
export const updateProducer = (id: number, input: Partial<ProducerInput>) => api<Producer>(`${base}/producers/${id}`, { method: 'PATCH', body: input });
export const verifyProducer = (id: number, status: 'verified' | 'suspended', note?: string) =>
  api<Producer>(`${base}/producers/${id}/verification`, { method: 'POST', body: { status, ...(note ? { note } : {}) } });
export const createAccount = (id: number, input: AccountInput) => api<Account>(`${base}/producers/${id}/accounts`, { method: 'POST', body: input });
export const createPlace = (id: number, input: PlaceInput) => api<Place>(`${base}/producers/${id}/places`, { method: 'POST', body: input });
export const createProduct = (id: number, input: ProductInput) => api<Product>(`${base}/producers/${id}/products`, { method: 'POST', body: input });
export function addCertificate(id: number, input: CertificateInput, evidence: File | null) {
  if (!evidence) return api<Certificate>(`${base}/producers/${id}/certificates`, { method: 'POST', body: input });
  const form = new FormData();
  form.append('certificate', JSON.stringify(input));
  form.append('evidence', evidence);
  return api<Certificate>(`${base}/producers/${id}/certificates`, { method: 'POST', body: form });
}
export function importFile(id: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api<ImportResult>(`${base}/producers/${id}/import`, { method: 'POST', body: form });
}
export const createLot = (productId: number, input: LotInput) => api<Lot>(`${base}/products/${productId}/lots`, { method: 'POST', body: input });
export const recallLot = (id: number, reason: string) => api<Lot>(`${base}/lots/${id}/recall`, { method: 'POST', body: { reason } });
export const issueSerials = (id: number, count: number) => api<{ lotId: number; serials: string[]; total: number }>(`${base}/lots/${id}/serials`, { method: 'POST', body: { count } });
/** Captures an EPCIS 2.0 document for a producer (a producer's account may name only its own). */
export const captureEvents = (document: Record<string, unknown>, producerId: number) =>
  api<CaptureJob>(`${base}/epcis/capture?producerId=${producerId}`, { method: 'POST', body: document });
export const labelUrl = (id: number, format: 'png' | 'svg') => `${base}/lots/${id}/label.${format}`;
export const labelsPdfUrl = (id: number) => `${base}/lots/${id}/labels.pdf`;
export const chainUrl = (id: number) => `${base}/producers/${id}/chain`;
export const evidenceUrl = (id: number) => `${base}/certificates/${id}/evidence`;
