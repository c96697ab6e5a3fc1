import type { Db } from '../../db/database.js';

/** A file an e-mail carries. */
export interface MailAttachment { filename: string; content: Buffer; contentType: string }

/**
 * What an outbox row keeps of an attachment: a reference its module turns into the file when the e-mail leaves, so
 * the outbox stores no copies of PDFs and the file is made from the record as it then stands.
 */
export interface AttachmentRef { provider: string; ref: Record<string, unknown> }

export type AttachmentProvider = (db: Db, ref: Record<string, unknown>) => Promise<MailAttachment | null>;

// The core knows no module: a module that attaches files tells it how to make them when its routes are registered.
const providers = new Map<string, AttachmentProvider>();

export function provideAttachments(provider: string, make: AttachmentProvider): void {
  providers.set(provider, make);
}

const isRef = (v: unknown): v is AttachmentRef =>
  typeof v === 'object' && v !== null && typeof (v as AttachmentRef).provider === 'string' && typeof (v as AttachmentRef).ref === 'object';

/** The attachments named in outbox payloads, made by their providers; an unknown provider is an error to retry. */
export async function attachmentsOf(db: Db, payloads: Record<string, unknown>[]): Promise<MailAttachment[]> {
  const refs = payloads.flatMap((p) => (Array.isArray(p.attachments) ? p.attachments.filter(isRef) : []));
  const files: MailAttachment[] = [];
  for (const { provider, ref } of refs) {
    const make = providers.get(provider);
    if (!make) throw new Error(`no attachment provider "${provider}"`);
    const file = await make(db, ref);
    if (file) files.push(file);
  }
  return files;
}
