import { useState } from 'react';
import { EMAIL_DELIVERY_STATUSES, type EmailDelivery, type EmailDeliveryStatus } from '../../api/types';
import { workflowApi } from '../../api/workflow';
import { SelectField } from '../../components/Field';
import { EmptyState } from '../../components/States';
import { usePagedList } from '../../hooks/usePagedList';
import { AdminDeliveryRow } from './AdminDeliveryRow';
import { AdminTable } from './AdminTable';

const STATUS_LABELS: Record<EmailDeliveryStatus, string> = {
  Dead: 'Dead letters',
  Pending: 'Pending',
  Sent: 'Sent',
};

const EMPTY_TITLES: Record<EmailDeliveryStatus, string> = {
  Dead: 'No dead letters',
  Pending: 'No emails waiting to go out',
  Sent: 'No emails sent yet',
};

/** Outgoing emails; the dead letters (out of attempts) first, each with a way to send it again. */
export function DeliveriesTab() {
  const [status, setStatus] = useState<EmailDeliveryStatus>('Dead');
  const deliveries = usePagedList((nextToken) => workflowApi.deliveries(status, nextToken), [status]);

  return (
    <div className="admin-section" data-testid="admin-deliveries">
      <div className="panel__head">
        <p className="muted">Emails MilkRun sends its customers and dairies. Dead letters ran out of attempts.</p>
        <button type="button" className="button button--ghost button--small" onClick={deliveries.reload}>
          Refresh
        </button>
      </div>
      <form className="filters filters--inline" aria-label="Filter email deliveries" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Status"
          name="status"
          value={status}
          onValue={(value) => setStatus(value as EmailDeliveryStatus)}
          data-testid="deliveries-status-filter"
        >
          {EMAIL_DELIVERY_STATUSES.map((item) => (
            <option key={item} value={item}>
              {STATUS_LABELS[item]}
            </option>
          ))}
        </SelectField>
      </form>

      <AdminTable
        list={deliveries}
        noun="email deliveries"
        empty={
          <EmptyState title={EMPTY_TITLES[status]}>
            {status === 'Dead' && <p>Every email either went out or is still being tried.</p>}
          </EmptyState>
        }
        columns={['Email', 'Status', 'Attempts', 'Last error', 'Updated']}
        actions
        row={(delivery) => (
          <AdminDeliveryRow
            key={delivery.notificationId}
            delivery={delivery}
            onChanged={(saved: EmailDelivery) =>
              deliveries.replaceItem((item) => item.notificationId === saved.notificationId, saved)
            }
            onStale={deliveries.refresh}
          />
        )}
      />
    </div>
  );
}
