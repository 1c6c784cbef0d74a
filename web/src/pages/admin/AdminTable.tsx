import type { ReactNode } from 'react';
import { LoadMore } from '../../components/LoadMore';
import { ErrorState, Spinner } from '../../components/States';
import type { PagedList } from '../../hooks/usePagedList';

interface AdminTableProps<T> {
  list: PagedList<T>;
  /** What the rows are, for the loading and error messages: "users" → "Loading users…". */
  noun: string;
  /** Shown when the first page is empty. */
  empty: ReactNode;
  columns: readonly string[];
  /** Adds a last column, without a visible heading, for each row's buttons. */
  actions?: boolean;
  className?: string;
  row: (item: T) => ReactNode;
}

/** A back-office list: loading, error and empty states, the table of rows, and "Load more". */
export function AdminTable<T>({ list, noun, empty, columns, actions = false, className, row }: AdminTableProps<T>) {
  return (
    <>
      {list.loading ? (
        <Spinner label={`Loading ${noun}…`} />
      ) : list.error ? (
        <ErrorState error={list.error} title={`We could not load ${noun}`} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        empty
      ) : (
        <div className="table-wrap">
          <table className={className ? `table table--cards ${className}` : 'table table--cards'}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
                {actions && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>{list.items.map(row)}</tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.loadMoreError} onLoadMore={list.loadMore} />
    </>
  );
}
