import type { NewNotification } from '../notifications/ports.ts';
import { jobLink } from './rules.ts';

export const quoted = (title: string) => `“${title.length > 80 ? `${title.slice(0, 77)}…` : title}”`;

/** What every provider with an active bid hears when a job closes, whoever closes it. */
export const closedNotice = (job: { id: string; title: string }): Omit<NewNotification, 'userId'> => ({
  kind: 'job.updated',
  title: `${quoted(job.title)} was closed`,
  body: 'The owner closed this job. It takes no more bids; yours stays on record.',
  link: jobLink(job.id),
});
