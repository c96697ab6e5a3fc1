import { coreJobs } from '../core/jobs/core-jobs.js';
import { notificationJobs } from '../core/notify/deliver.js';
import { mailTransport } from '../core/notify/transports.js';
import { feedbackJobs } from '../modules/feedback/figures.js';
import { reportingJobs } from '../modules/reporting/reminders.js';
import type { JobDefinition } from '../core/jobs/scheduler.js';
import type { Config } from './config.js';

/** Every scheduled job of the platform: the core's, the notifications' (with the configured mail transport) and each module's. */
export function platformJobs(config: Config, log: (line: string, extra: object) => void): JobDefinition[] {
  const mail = mailTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  return [...coreJobs, ...notificationJobs(mail, config.publicUrl), ...feedbackJobs, ...reportingJobs];
}
