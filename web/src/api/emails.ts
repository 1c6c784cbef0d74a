import { apiList, apiRequest } from './client';
import type { EmailStatus, OutboundEmail } from './types';

const auth = true;

/** The email outbox: emails by status and retrying the dead ones; Admin only. */
export const emailsApi = {
  list: (status: EmailStatus | '', nextToken?: string) =>
    apiList<OutboundEmail>('/admin/emails', { query: { status, limit: 20, nextToken }, auth }),
  /** Queues a dead email again (status `Pending`); 409 `NotDead` otherwise. */
  retry: (notificationId: string) =>
    apiRequest<OutboundEmail>(`/admin/emails/${encodeURIComponent(notificationId)}/retry`, {
      method: 'POST',
      body: {},
      auth,
    }),
};
