// The message threads of bids: each between a job's owner and the bidding provider's members.

export interface BidMessageRecord {
  id: string;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: Date;
}

/** A bid's thread. Who may read or write it is the service's question, asked through the bid first. */
export interface BidMessagesRepository {
  /** Oldest first; without `after`, the latest `limit` (and whether earlier ones exist). */
  list(
    bidId: string,
    options: { after?: Date | undefined; before?: Date | undefined; limit: number },
  ): Promise<{ messages: BidMessageRecord[]; hasEarlier: boolean }>;
  insert(input: { bidId: string; authorId: string; body: string; at: Date }): Promise<{ id: string }>;
  /** Moves the user's read mark forward to `upTo` (never back). */
  markRead(bidId: string, userId: string, upTo: Date): Promise<void>;
  /** Unread messages from the other side, over every thread the user is a party to. */
  unreadTotal(userId: string): Promise<number>;
  /**
   * True (and remembered) when the user was not e-mailed about this thread since `since`: one
   * statement, so two messages at once cannot both claim it.
   */
  claimEmail(bidId: string, userId: string, at: Date, since: Date): Promise<boolean>;
}
