/**
 * Every background job: its name, its payload, and how hard to retry it. Producers (use cases
 * writing to the outbox) and handlers (the worker) share this one map. Payloads carry ids, never
 * secrets: a handler loads what it needs, so a retried job sees current data.
 */
export interface JobPayloads {
  'email.verify-account': { tokenId: string };
  'email.password-reset': { tokenId: string };
  /** The link that finishes a sign-up, sent to the address being signed up. */
  'email.finish-sign-up': { signUpId: string };
  /**
   * Someone signed up with an address that has an account: tell its owner (and nobody else).
   * `attemptId` names this attempt, so each is sent once however often the job is retried.
   */
  'email.sign-up-taken': { userId: string; attemptId: string };
  /** The link that confirms a new address, sent to that address. */
  'email.confirm-email-change': { tokenId: string };
  /** Tells the old address of a change, with the link that undoes it. */
  'email.email-changed': { tokenId: string };
  'email.notification': { notificationId: string };
  /**
   * The last e-mail to a deleted account. Its row is a tombstone by the time this runs, so the address
   * and name travel in the payload (kept until the finished job is purged, 7 days).
   */
  'email.account-deleted': { userId: string; email: string; name: string };
  'email.provider-invitation': { invitationId: string };
  'maintenance.purge-expired': Record<string, never>;
  /** Re-reads the profile: indexes it if published, removes it otherwise. */
  'search.upsert-provider': { providerId: string };
  'search.remove-provider': { providerId: string };
  /** Adds or refreshes every published profile (queued by a seed that had no index at hand). */
  'search.reindex': Record<string, never>;
  /** Tells the members of matching providers about a job that just opened (in-app, no e-mail). */
  'job-posts.notify-matches': { jobPostId: string };
  /** The daily scan: claims each member's untold matches and queues one digest e-mail per member. */
  'job-posts.daily-digest': Record<string, never>;
  /** One member's digest of new matching jobs; re-reads them, so jobs closed since are left out. */
  'email.job-digest': { userId: string; jobPostIds: string[] };
  /** The first e-mail to a reference customer, with the private link; marks the request sent. */
  'email.reference-request': { requestId: string };
  /** Reminder `reminder` (1, 2 or 3) of an unanswered request; keyed by both, so it goes out once. */
  'email.reference-reminder': { requestId: string; reminder: number };
  /** The scan: claims due reminders (each once) and marks expired requests unreachable. */
  'references.reminder-scan': Record<string, never>;
  /** The hourly scan: claims due review reminders and follow-ups, notifies owners, queues e-mails. */
  'engagements.review-reminders': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export interface JobPolicy {
  /** Total tries, the first included. */
  attempts: number;
  /** First retry delay; each later one doubles it. */
  backoffMs: number;
}

export const jobPolicies: { readonly [K in JobName]: JobPolicy } = {
  'email.verify-account': { attempts: 8, backoffMs: 5_000 },
  'email.password-reset': { attempts: 8, backoffMs: 5_000 },
  'email.finish-sign-up': { attempts: 8, backoffMs: 5_000 },
  'email.sign-up-taken': { attempts: 8, backoffMs: 5_000 },
  'email.confirm-email-change': { attempts: 8, backoffMs: 5_000 },
  'email.email-changed': { attempts: 8, backoffMs: 5_000 },
  'email.notification': { attempts: 6, backoffMs: 10_000 },
  'email.account-deleted': { attempts: 8, backoffMs: 5_000 },
  'email.provider-invitation': { attempts: 8, backoffMs: 5_000 },
  'maintenance.purge-expired': { attempts: 3, backoffMs: 60_000 },
  'search.upsert-provider': { attempts: 10, backoffMs: 2_000 },
  'search.remove-provider': { attempts: 10, backoffMs: 2_000 },
  'search.reindex': { attempts: 3, backoffMs: 60_000 },
  'job-posts.notify-matches': { attempts: 8, backoffMs: 5_000 },
  'job-posts.daily-digest': { attempts: 3, backoffMs: 60_000 },
  'email.job-digest': { attempts: 6, backoffMs: 10_000 },
  'email.reference-request': { attempts: 8, backoffMs: 5_000 },
  'email.reference-reminder': { attempts: 6, backoffMs: 10_000 },
  'references.reminder-scan': { attempts: 3, backoffMs: 60_000 },
  'engagements.review-reminders': { attempts: 3, backoffMs: 60_000 },
};

export const jobNames = Object.keys(jobPolicies) as JobName[];

/** Periodic scans the scheduler enqueues (BullMQ job schedulers, or a timer in-process). */
export const schedules: readonly { name: JobName; everyMs: number }[] = [
  { name: 'maintenance.purge-expired', everyMs: 60 * 60_000 },
  { name: 'job-posts.daily-digest', everyMs: 24 * 60 * 60_000 },
  // Hourly, so a reminder goes out within the hour it falls due; each is claimed once however often.
  { name: 'references.reminder-scan', everyMs: 60 * 60_000 },
  // Hourly, so a reminder goes out within the hour its day starts (UTC), whichever process scans.
  { name: 'engagements.review-reminders', everyMs: 60 * 60_000 },
];

export interface JobContext {
  jobId: string;
  /** 1 on the first try. */
  attempt: number;
}

export type JobHandlers = { [K in JobName]: (payload: JobPayloads[K], ctx: JobContext) => Promise<void> };

/** Start-up check: a job without a handler would sit in the queue forever. */
export function assertHandlers(handlers: Partial<JobHandlers>): asserts handlers is JobHandlers {
  const missing = jobNames.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length) throw new Error(`No handler registered for job(s): ${missing.join(', ')}`);
}

/** Where use cases put jobs: an outbox bound to the current transaction. */
export interface JobQueue {
  enqueue<K extends JobName>(name: K, payload: JobPayloads[K], options?: { runAt?: Date }): Promise<void>;
  /** Many jobs of one kind in one insert (a scan that claims thousands at once). */
  enqueueMany<K extends JobName>(name: K, payloads: readonly JobPayloads[K][]): Promise<void>;
}
