import { useState } from 'react';
import { EMAIL_DELIVERY_STATUSES, type EmailDelivery, type EmailDeliveryStatus } from '../../api/types';
import { workflowApi } from '../../api/workflow';
import { SelectField } from '../../components/Field';
import { LoadMore } from '../../components/LoadMore';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { usePagedList } from '../../hooks/usePagedList';
import { AdminDeliveryRow } from './AdminDeliveryRow';

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

      {deliveries.loading ? (
        <Spinner label="Loading email deliveries…" />
      ) : deliveries.error ? (
        <ErrorState error={deliveries.error} title="We could not load email deliveries" onRetry={deliveries.reload} />
      ) : deliveries.items.length === 0 ? (
        <EmptyState title={EMPTY_TITLES[status]}>
          {status === 'Dead' && <p>Every email either went out or is still being tried.</p>}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.items.map((delivery) => (
                <AdminDeliveryRow
                  key={delivery.notificationId}
                  delivery={delivery}
                  onChanged={(saved: EmailDelivery) =>
                    deliveries.replaceItem((item) => item.notificationId === saved.notificationId, saved)
                  }
                  onStale={deliveries.refresh}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        hasMore={deliveries.hasMore}
        loading={deliveries.loadingMore}
        error={deliveries.loadMoreError}
        onLoadMore={deliveries.loadMore}
      />
    </div>
  );
}
