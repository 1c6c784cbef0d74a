import { apiList } from './client';
import type { MailboxItem } from './types';

export const devApi = {
  mailbox: (email?: string, signal?: AbortSignal) =>
    apiList<MailboxItem>('/dev/mailbox', { query: { email, limit: 50 }, signal }),
};
