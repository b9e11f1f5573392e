import type { UsersRepository } from '../auth/ports.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { Transactor } from '../transaction.ts';
import { notices } from './notices.ts';
import type { BidMessageRecord, BidMessagesRepository } from './messages.ports.ts';
import type { BidForViewer, BidsRepository, Side } from './ports.ts';
import { postingClosedReason } from './rules.ts';

export interface BidMessageServiceDeps {
  transaction: Transactor;
  bids: Pick<BidsRepository, 'findForViewer'>;
  messages: BidMessagesRepository;
  users: Pick<UsersRepository, 'findById'>;
  clock: Clock;
  notifications: Pick<NotificationService, 'notify'>;
}

/** A participant is e-mailed about a thread at most once in this long; in-app they hear of every message. */
export const MESSAGE_EMAIL_INTERVAL_MS = 10 * 60_000;

export interface MessageView extends BidMessageRecord {
  side: Side;
  mine: boolean;
}

const THREAD_NOT_FOUND = 'No bid with this id among yours, so no conversation to show';

/** The thread of each bid, between the job's owner and the provider's members, and nobody else. */
export function createBidMessageService({
  transaction,
  bids,
  messages,
  users,
  clock,
  notifications,
}: BidMessageServiceDeps) {
  async function party(userId: string, bidId: string): Promise<BidForViewer> {
    const bid = await bids.findForViewer(userId, bidId);
    if (!bid) throw new NotFoundError(THREAD_NOT_FOUND);
    return bid;
  }

  const viewOf =
    (bid: BidForViewer, userId: string) =>
    (m: BidMessageRecord): MessageView => ({
      ...m,
      side: m.authorId === bid.jobPost.ownerId ? 'owner' : 'provider',
      mine: m.authorId === userId,
    });

  return {
    /** Reading marks what was read: the unread counts drop to what arrived after it. */
    async list(
      userId: string,
      bidId: string,
      options: { after?: Date | undefined; before?: Date | undefined; limit: number },
    ) {
      const bid = await party(userId, bidId);
      const { messages: list, hasEarlier } = await messages.list(bidId, options);
      const newest = list[list.length - 1];
      if (newest) await messages.markRead(bidId, userId, newest.createdAt);
      const closedReason = postingClosedReason(bid.status, bid.jobPost.status);
      return {
        messages: list.map(viewOf(bid, userId)),
        hasEarlier,
        canPost: closedReason === null,
        closedReason,
      };
    },

    /**
     * The other side is told in-app of every message; by e-mail only when that person was not
     * e-mailed about this thread in the last 10 minutes (a conversation would otherwise flood their
     * inbox). The claim is one statement per recipient, in the message's transaction.
     */
    async post(userId: string, bidId: string, body: string): Promise<MessageView> {
      const bid = await party(userId, bidId);
      const closed = postingClosedReason(bid.status, bid.jobPost.status);
      if (closed) throw new ConflictError(closed);
      const author = await users.findById(userId);
      if (!author) throw new NotFoundError('Your account no longer exists');
      const at = clock.now();
      const record = await transaction(async (scope) => {
        const { id } = await scope.bidMessages.insert({ bidId, authorId: userId, body, at });
        await scope.bidMessages.markRead(bidId, userId, at);
        const recipients =
          bid.side === 'owner'
            ? (await scope.bids.providerMembers([bid.provider.id])).map((m) => m.userId)
            : [bid.jobPost.ownerId];
        const notice = notices.message({ bidId, jobTitle: bid.jobPost.title, authorName: author.name, body });
        const since = new Date(at.getTime() - MESSAGE_EMAIL_INTERVAL_MS);
        for (const recipient of recipients) {
          if (await scope.bidMessages.claimEmail(bidId, recipient, at, since)) {
            await notifications.notify(scope, { userId: recipient, ...notice });
          } else {
            // In-app only: notify() would queue the e-mail too.
            await scope.notifications.create({ userId: recipient, ...notice });
          }
        }
        return { id, body, authorId: userId, authorName: author.name, createdAt: at };
      });
      return viewOf(bid, userId)(record);
    },

    unreadTotal: (userId: string) => messages.unreadTotal(userId),
  };
}

export type BidMessageService = ReturnType<typeof createBidMessageService>;
