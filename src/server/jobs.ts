import { traceabilityJobs } from '../modules/traceability/index.js';
import { coreJobs, type JobDefinition } from '../core/jobs/index.js';
import { notificationJobs, mailTransport } from '../core/notify/index.js';
import { feedbackJobs } from '../modules/feedback/index.js';
import { iocJobs } from '../modules/ioc/index.js';
import { connectorJobs } from '../modules/connectors/index.js';
import { briefingJobs } from '../modules/briefing/index.js';
import { agronomyJobs } from '../modules/agronomy/index.js';
import { deviceJobs } from '../modules/devices/index.js';
import { reportingJobs } from '../modules/reporting/index.js';
import type { Config } from './config.js';

/** Every scheduled job of the platform: the core's, the notifications' (with the configured mail transport) and each module's. */
export function platformJobs(config: Config, log: (line: string, extra: object) => void): JobDefinition[] {
  const mail = mailTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  return [...coreJobs, ...notificationJobs(mail, config.publicUrl), ...feedbackJobs, ...reportingJobs, ...iocJobs, ...connectorJobs, ...briefingJobs, ...agronomyJobs(config.publicUrl), ...deviceJobs(config.telemetryRetentionMonths), ...traceabilityJobs];
}
