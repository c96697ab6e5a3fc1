import { useCallback, useState } from 'react';
import { retryLater, useSendWhenOnline } from '../../offline';
import { sendFieldCount, type FieldCountBody } from '../../api/agronomy';
import { readList } from '../Citizen/storage';

export { newClientRef } from '../Citizen/useQueuedReports';

/** A count waiting on the phone: its body (with the clientRef made when the technician pressed save) and its photo. */
export interface QueuedCount { body: FieldCountBody; trapName: string; photo: string | null }
export interface SentCount { clientRef: string; trapName: string; night: string; created: boolean; refused?: string }

const KEY = 'tinhso.queuedTrapCounts';
const read = () => readList<QueuedCount>(KEY);
const write = (list: QueuedCount[]) => localStorage.setItem(KEY, JSON.stringify(list));

/** A photo as a JPEG data URL no wider than 1600 px, small enough to wait on the phone. */
export async function shrinkPhoto(file: File): Promise<string> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.85);
  } catch {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }
}
/** The photo back as a file to send (decoded here: the page's content policy lets fetch() reach the server only). */
function blobOf(dataUrl: string): Blob {
  const [head, data] = dataUrl.split(',', 2);
  const bytes = Uint8Array.from(atob(data ?? ''), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: /^data:([^;]+)/.exec(head ?? '')?.[1] ?? 'image/jpeg' });
}

/**
 * The counts saved on the phone, sent when there is a connection: the same pattern as the citizens' reports
 * (useQueuedReports), one pass at a time, across tabs where the browser has Web Locks. Each count keeps its clientRef
 * on every retry, so a count whose answer was lost on the way back is still one count on the server.
 */
export function useQueuedCounts() {
  const [queued, setQueued] = useState<QueuedCount[]>(read);
  const [sent, setSent] = useState<SentCount[]>([]);
  const sendAll = useCallback(async () => {
    for (const item of read()) {
      const done = (s: Omit<SentCount, 'clientRef' | 'trapName' | 'night'>) => setSent((list) => [{ clientRef: item.body.clientRef, trapName: item.trapName, night: item.body.night, ...s }, ...list]);
      try {
        const saved = await sendFieldCount(item.body, item.photo ? blobOf(item.photo) : null);
        done({ created: saved.created });
      } catch (err) {
        if (retryLater(err)) return;
        done({ created: false, refused: (err as Error).message });
      }
      write(read().filter((x) => x.body.clientRef !== item.body.clientRef));
      setQueued(read());
    }
  }, []);
  const flush = useSendWhenOnline(KEY, sendAll);
  const queue = (item: QueuedCount) => {
    write([...read().filter((x) => x.body.clientRef !== item.body.clientRef), item]);
    setQueued(read());
    if (navigator.onLine) void flush();
  };
  return { queued, sent, queue, flush };
}
