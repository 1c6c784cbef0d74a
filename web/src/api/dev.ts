import { apiList } from './client';
import type { MailboxItem } from './types';

export const devApi = {
  mailbox: (email?: string, signal?: AbortSignal) =>
    apiList<MailboxItem>('/dev/mailbox', { query: { email, limit: 50 }, signal }),
  /**
   * Whether this server runs with its development mailbox open (`GET /dev/mailbox` answers; 404 when it is off).
   * Anything else (offline, a server error) counts as closed: the answer is only used to warn.
   */
  mailboxOpen: (signal?: AbortSignal) =>
    apiList<MailboxItem>('/dev/mailbox', { query: { limit: 1 }, signal }).then(
      () => true,
      (failure: unknown) => {
        if (signal?.aborted) throw failure;
        return false;
      },
    ),
};
