import type { Clock } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import { describeDevice, networkOf, type DeviceType } from './devices.ts';
import type { RefreshSessionsRepository } from './ports.ts';

export interface SessionView {
  id: string;
  current: boolean;
  browser: string;
  os: string;
  deviceType: DeviceType;
  network: string;
  signedInAt: Date;
  lastSeenAt: Date;
}

/** The signed-in sessions a person sees in Account settings, and signing them out. */
export function createSessionService({
  sessions,
  clock,
}: {
  sessions: RefreshSessionsRepository;
  clock: Clock;
}) {
  return {
    /** This session first, then the most recently seen. */
    async list(userId: string, currentSessionId: string): Promise<SessionView[]> {
      const live = await sessions.listLive(userId, clock.now());
      const views = live.map((s): SessionView => {
        const device = describeDevice(s.userAgent);
        return {
          id: s.familyId,
          current: s.familyId === currentSessionId,
          browser: device.browser,
          os: device.os,
          deviceType: device.type,
          network: networkOf(s.ip),
          signedInAt: s.signedInAt,
          lastSeenAt: s.lastSeenAt,
        };
      });
      return views.sort(
        (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime(),
      );
    },

    /** Its refresh token stops working, and so do its access tokens (checked on every request). */
    async signOut(userId: string, sessionId: string): Promise<void> {
      if (!(await sessions.revokeFamilyOfUser(userId, sessionId, clock.now()))) {
        throw new NotFoundError('That session has already ended, or is not one of yours');
      }
    },

    signOutOthers: (userId: string, currentSessionId: string): Promise<number> =>
      sessions.revokeOthers(userId, currentSessionId, clock.now()),
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
