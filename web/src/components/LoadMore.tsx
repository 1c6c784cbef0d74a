import { errorMessage } from '../api/client';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  error?: unknown;
  onLoadMore: () => void;
}

export function LoadMore({ hasMore, loading, error, onLoadMore }: LoadMoreProps) {
  if (!hasMore) return null;
  return (
    <div className="load-more">
      {error !== undefined && (
        <p className="load-more__error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      <button type="button" className="button" onClick={onLoadMore} disabled={loading} aria-busy={loading || undefined}>
        {loading ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}
