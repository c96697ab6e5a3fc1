// Notifications: the outbox, e-mail and in-app delivery, and the user-facing notification routes.
// The public surface: other modules import this file only (see docs/architecture.md).
export { provideAttachments } from './attachments.js';
export type { AttachmentRef, MailAttachment } from './attachments.js';
export { deliverNotifications, notificationJobs } from './deliver.js';
export { activeWebhooks, emailRows, insertNotifications, notifyUsers, officersOf, userRows, webhookRows } from './outbox.js';
export type { Notice, OutboxRow, Subscriber, Wording } from './outbox.js';
export { notificationRoutes } from './routes.js';
export { mailTransport, webhookSignature } from './transports.js';
export type { MailMessage, MailTransport } from './transports.js';
