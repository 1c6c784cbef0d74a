import { useState } from 'react';
import { adminApi } from '../../api/admin';
import { VENDOR_STATUSES, type VendorStatus } from '../../api/types';
import { useAuth } from '../../auth/authContext';
import { SelectField } from '../../components/Field';
import { LoadMore } from '../../components/LoadMore';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { usePagedList } from '../../hooks/usePagedList';
import { AdminVendorRow } from './AdminVendorRow';

export function VendorsTab() {
  const { hasRole } = useAuth();
  const canManage = hasRole('Admin');
  const [status, setStatus] = useState<VendorStatus | ''>('');
  const vendors = usePagedList((nextToken) => adminApi.vendors(status, nextToken), [status]);

  return (
    <div className="admin-section">
      <form className="filters filters--inline" aria-label="Filter dairies" onSubmit={(event) => event.preventDefault()}>
        <SelectField label="Status" name="status" value={status} onValue={(value) => setStatus(value as VendorStatus | '')}>
          <option value="">All statuses</option>
          {VENDOR_STATUSES.map((item) => (
            <option key={item} value={item}>
              {item}
            </option>
          ))}
        </SelectField>
      </form>

      {vendors.loading ? (
        <Spinner label="Loading dairies…" />
      ) : vendors.error ? (
        <ErrorState error={vendors.error} title="We could not load dairies" onRetry={vendors.reload} />
      ) : vendors.items.length === 0 ? (
        <EmptyState title={status ? `No ${status.toLowerCase()} dairies` : 'No dairies yet'} />
      ) : (
        <div className="table-wrap">
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">Dairy</th>
                <th scope="col">Contact</th>
                <th scope="col">Pincodes</th>
                <th scope="col">Owner</th>
                <th scope="col">Status</th>
                {canManage && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {vendors.items.map((vendor) => (
                <AdminVendorRow
                  key={vendor.vendorId}
                  vendor={vendor}
                  canManage={canManage}
                  onChanged={(saved) => vendors.replaceItem((item) => item.vendorId === saved.vendorId, saved)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={vendors.hasMore} loading={vendors.loadingMore} error={vendors.loadMoreError} onLoadMore={vendors.loadMore} />
    </div>
  );
}
