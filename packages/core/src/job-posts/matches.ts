import { renderEmail } from '@handoff/mail/templates';
import type { Clock } from '../clock.ts';
import type { JobHandlers } from '../jobs.ts';
import type { Links } from '../links.ts';
import type { Mailer } from '../mailer.ts';
import { emailWanted } from '../notifications/kinds.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { findFunction } from '../taxonomy/index.ts';
import type { Transactor } from '../transaction.ts';
import type { DigestJob, JobPostMatchesRepository } from './feed.ports.ts';
import { jobLink } from './rules.ts';

export interface JobPostMatchDeps {
  transaction: Transactor;
  matches: JobPostMatchesRepository;
  mailer: Mailer;
  links: Links;
  notifications: Pick<NotificationService, 'unsubscribeSignature'>;
  clock: Clock;
  /** Members told per statement, and members whose digests are queued per transaction. */
  batchSize?: number;
}

type Handlers = Pick<JobHandlers, 'job-posts.notify-matches' | 'job-posts.daily-digest' | 'email.job-digest'>;

/**
 * The one setting for matches: in-app at once always, e-mail only as the daily digest, so the kind's
 * e-mail switch is the digest's. (A separate "digest" kind would leave a switch that did nothing.)
 */
export const MATCH_KIND = 'job.new-match';
/** Jobs one digest lists by name; the rest are counted and left to the feed. */
export const DIGEST_LISTED = 20;

const money = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const PER = { hourly: ' an hour', monthly: ' a month', fixed: ' fixed price' } as const;

/** "USD 25–40 an hour", or "" without a budget. */
export function budgetInWords(job: Pick<DigestJob, 'budgetBasis' | 'budgetMin' | 'budgetMax' | 'currency'>) {
  if (job.budgetMin === null || job.budgetMax === null) return '';
  const amount =
    job.budgetMin === job.budgetMax
      ? money(job.budgetMin)
      : `${money(job.budgetMin)}–${money(job.budgetMax)}`;
  return `${job.currency} ${amount}${PER[job.budgetBasis]}`;
}

const describe = (job: DigestJob) =>
  [findFunction(job.functionSlug)?.name ?? job.functionSlug, budgetInWords(job)].filter(Boolean).join(' · ');

/**
 * New-match notifications (idempotent: the matches' primary key decides who was told) and the daily
 * digest. The digest is claimed and its e-mail queued in one transaction; the e-mail job sends it,
 * keyed by itself, so a retry never sends twice and a second scan finds nothing left to claim.
 * (Sending inside the scan's transaction would also hold the embedded database's only session while
 * the mailer writes through another connection.)
 */
export function createJobPostMatchHandlers(deps: JobPostMatchDeps): Handlers {
  const { transaction, matches, mailer, links, notifications, clock, batchSize = 500 } = deps;

  return {
    async 'job-posts.notify-matches'({ jobPostId }) {
      const job = await matches.jobForMatching(jobPostId);
      if (!job || job.status !== 'open') return;
      const fn = findFunction(job.functionSlug)?.name ?? job.functionSlug;
      const note = {
        kind: MATCH_KIND,
        title: `New ${fn} job: “${job.title.length > 80 ? `${job.title.slice(0, 77)}…` : job.title}”`,
        body: `A job in ${fn}, one of your profile’s functions, just opened. Bid while it is fresh.`,
        link: jobLink(job.id),
      };
      for (let after: string | null = null; ;) {
        const users = await matches.matchingMembers(job, after, batchSize);
        if (users.length === 0) break;
        await matches.recordInstant(job.id, users, note);
        if (users.length < batchSize) break;
        after = users.at(-1)!;
      }
    },

    async 'job-posts.daily-digest'() {
      for (let after: string | null = null; ;) {
        const users = await matches.pendingDigest(after, batchSize, MATCH_KIND);
        if (users.length === 0) break;
        await transaction(async (scope) => {
          const claimed = await scope.jobPostMatches.claimDigest(
            users.map((u) => u.userId),
            clock.now(),
          );
          for (const { userId, emailPreference } of users) {
            const jobPostIds = claimed.get(userId);
            // Claimed either way: a member who turned the e-mail off is not sent old jobs when they
            // turn it back on; they saw each one in the app.
            if (jobPostIds?.length && emailWanted(MATCH_KIND, emailPreference)) {
              await scope.jobs.enqueue('email.job-digest', { userId, jobPostIds });
            }
          }
        });
        if (users.length < batchSize) break;
        after = users.at(-1)!.userId;
      }
    },

    async 'email.job-digest'({ userId, jobPostIds }, { jobId }) {
      // Read when it runs: a setting turned off or a job closed since is honoured.
      const digest = await matches.digestContent(userId, jobPostIds, MATCH_KIND);
      if (!digest || digest.jobs.length === 0 || !emailWanted(MATCH_KIND, digest.emailPreference)) return;
      const { jobs } = digest;
      const listed = jobs.slice(0, DIGEST_LISTED);
      const more = jobs.length - listed.length;
      const unsubscribe = links('/notifications/unsubscribe', {
        u: userId,
        k: MATCH_KIND,
        s: notifications.unsubscribeSignature(userId, MATCH_KIND),
      });
      const subject =
        jobs.length === 1
          ? `A new job for you: ${jobs[0]!.title}`
          : `${jobs.length} new jobs match your profile`;
      await mailer.send({
        key: `job-digest:${userId}:${jobId}`,
        to: digest.to,
        subject,
        headers: {
          'List-Unsubscribe': `<${unsubscribe}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
        ...renderEmail({
          preheader: listed
            .map((j) => j.title)
            .join(' · ')
            .slice(0, 120),
          heading:
            jobs.length === 1
              ? 'A new job matches your profile'
              : `${jobs.length} new jobs match your profile`,
          paragraphs: [
            'These jobs opened since your last digest, in the functions your profile serves:',
            ...listed.map((j) => `• ${j.title} — ${describe(j)}: ${links(jobLink(j.id))}`),
            ...(more > 0 ? [`…and ${more} more in your feed.`] : []),
          ],
          action: { label: 'Open your jobs feed', url: links('/feed') },
          settingsUrl: links('/settings/notifications'),
          unsubscribeUrl: unsubscribe,
        }),
      });
    },
  };
}
