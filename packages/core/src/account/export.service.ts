import type { AccountExport } from '@handoff/contracts';
import type { Clock } from '../clock.ts';
import { UnauthorizedError } from '../errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { isoDates, type AccountExportRepository } from './data.ports.ts';

export interface AccountExportDeps {
  data: AccountExportRepository;
  notifications: Pick<NotificationService, 'emailPreferences'>;
  clock: Clock;
}

const ABOUT =
  'Everything your Handoff account holds, as of exportedAt: your account, sessions (never their ' +
  'tokens), e-mailed links (never their secrets), notifications and their settings, your owner ' +
  'profile, worksheet and saved providers, the provider profiles you belong to, the jobs you posted ' +
  'with the bids they received, the bids of your provider profiles, the messages of those bids’ ' +
  'threads and your engagements. Other people appear only as the product shows them to you.';

/**
 * "Download your data", served at once: an account's rows are a few hundred at most, read with
 * about twenty indexed queries, so the file is ready in well under a second and no copy of it is
 * ever stored (a prepared file would be one more copy of personal data to secure, expire and erase).
 */
export function createAccountExportService({ data, notifications, clock }: AccountExportDeps) {
  return {
    async export(userId: string): Promise<AccountExport> {
      const found = await data.collect(userId);
      if (!found) throw new UnauthorizedError();
      const settings = await notifications.emailPreferences(userId, found.account.roles);
      return {
        format: 'handoff.account-export',
        version: 1,
        exportedAt: clock.now().toISOString(),
        about: ABOUT,
        ...isoDates(found),
        notificationSettings: settings.map(({ kind, label, email }) => ({ kind, label, email })),
      };
    },
  };
}

export type AccountExportService = ReturnType<typeof createAccountExportService>;
