import { useState } from 'react';
import { adminApi } from '../../api/admin';
import { VENDOR_STATUSES, type VendorStatus } from '../../api/types';
import { useAuth } from '../../auth/authContext';
import { SelectField } from '../../components/Field';
import { EmptyState } from '../../components/States';
import { usePagedList } from '../../hooks/usePagedList';
import { AdminVendorRow } from './AdminVendorRow';
import { AdminTable } from './AdminTable';

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

      <AdminTable
        list={vendors}
        noun="dairies"
        empty={<EmptyState title={status ? `No ${status.toLowerCase()} dairies` : 'No dairies yet'} />}
        columns={['Dairy', 'Contact', 'Pincodes', 'Owner', 'Status']}
        actions={canManage}
        row={(vendor) => (
          <AdminVendorRow
            key={vendor.vendorId}
            vendor={vendor}
            canManage={canManage}
            onChanged={(saved) => vendors.replaceItem((item) => item.vendorId === saved.vendorId, saved)}
          />
        )}
      />
    </div>
  );
}
