import { useState } from 'react';
import { EMAIL_STATUSES, type EmailStatus, type OutboundEmail } from '../../api/types';
import { emailsApi } from '../../api/emails';
import { SelectField } from '../../components/Field';
import { EmptyState } from '../../components/States';
import { usePagedList } from '../../hooks/usePagedList';
import { AdminEmailRow } from './AdminEmailRow';
import { AdminTable } from './AdminTable';

const STATUS_LABELS: Record<EmailStatus, string> = {
  Dead: 'Dead letters',
  Pending: 'Pending',
  Sent: 'Sent',
};

const EMPTY_TITLES: Record<EmailStatus, string> = {
  Dead: 'No dead letters',
  Pending: 'No emails waiting to go out',
  Sent: 'No emails sent yet',
};

/** Outgoing emails; the dead letters (out of attempts) first, each with a way to send it again. */
export function EmailsTab() {
  const [status, setStatus] = useState<EmailStatus>('Dead');
  const emails = usePagedList((nextToken) => emailsApi.list(status, nextToken), [status]);

  return (
    <div className="admin-section" data-testid="admin-emails">
      <div className="panel__head">
        <p className="muted">Emails MilkRun sends its customers and dairies. Dead letters ran out of attempts.</p>
        <button type="button" className="button button--ghost button--small" onClick={emails.reload}>
          Refresh
        </button>
      </div>
      <form className="filters filters--inline" aria-label="Filter emails" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Status"
          name="status"
          value={status}
          onValue={(value) => setStatus(value as EmailStatus)}
          data-testid="emails-status-filter"
        >
          {EMAIL_STATUSES.map((item) => (
            <option key={item} value={item}>
              {STATUS_LABELS[item]}
            </option>
          ))}
        </SelectField>
      </form>

      <AdminTable
        list={emails}
        noun="emails"
        empty={
          <EmptyState title={EMPTY_TITLES[status]}>
            {status === 'Dead' && <p>Every email either went out or is still being tried.</p>}
          </EmptyState>
        }
        columns={['Email', 'Status', 'Attempts', 'Last error', 'Updated']}
        actions
        row={(email) => (
          <AdminEmailRow
            key={email.notificationId}
            email={email}
            onChanged={(saved: OutboundEmail) =>
              emails.replaceItem((item) => item.notificationId === saved.notificationId, saved)
            }
            onStale={emails.refresh}
          />
        )}
      />
    </div>
  );
}
