import { usersApi } from '../../api/users';
import { Badge } from '../../components/Badge';
import { LoadMore } from '../../components/LoadMore';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { usePagedList } from '../../hooks/usePagedList';
import { formatDateTime, isoString } from '../../lib/format';

export function NotificationsSection() {
  const notifications = usePagedList((nextToken) => usersApi.notifications(nextToken), []);

  return (
    <section className="panel" aria-labelledby="notifications-title">
      <div className="panel__head">
        <h2 id="notifications-title" className="section-title">
          Notifications
        </h2>
        <button type="button" className="button button--ghost button--small" onClick={notifications.reload}>
          Refresh
        </button>
      </div>
      {notifications.loading ? (
        <Spinner label="Loading notifications…" />
      ) : notifications.error ? (
        <ErrorState error={notifications.error} title="We could not load your notifications" onRetry={notifications.reload} />
      ) : notifications.items.length === 0 ? (
        <EmptyState title="No notifications yet">
          <p>Codes and updates we send you will show up here.</p>
        </EmptyState>
      ) : (
        <ul className="message-list">
          {notifications.items.map((item) => (
            <li key={item.notificationId} className="message" data-testid="notification-item">
              <div className="message__head">
                <span className="message__subject">{item.subject}</span>
                {item.kind && <Badge>{item.kind}</Badge>}
              </div>
              <time className="message__time" dateTime={isoString(item.createdAt)}>
                {formatDateTime(item.createdAt)}
              </time>
              <p className="message__body">{item.body}</p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={notifications.hasMore}
        loading={notifications.loadingMore}
        error={notifications.loadMoreError}
        onLoadMore={notifications.loadMore}
      />
    </section>
  );
}
