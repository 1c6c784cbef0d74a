import { useState } from 'react';
import { adminApi } from '../../api/admin';
import { errorMessage } from '../../api/client';
import type { VendorBackOffice } from '../../api/types';
import { VendorStatusBadge } from '../../components/Badge';
import { useToast } from '../../components/toastContext';

interface AdminVendorRowProps {
  vendor: VendorBackOffice;
  canManage: boolean;
  onChanged: (vendor: VendorBackOffice) => void;
}

export function AdminVendorRow({ vendor, canManage, onChanged }: AdminVendorRowProps) {
  const { notify } = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const run = async (action: () => Promise<VendorBackOffice>, message: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await action();
      onChanged(saved);
      notify(message);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr data-testid="admin-vendor-row" data-vendor-id={vendor.vendorId} data-status={vendor.status}>
      <td data-label="Dairy" className="cell-strong">
        {vendor.name}
        {vendor.description && <p className="cell-sub">{vendor.description}</p>}
        {error && (
          <p className="cell-error" role="alert">
            {error}
          </p>
        )}
      </td>
      <td data-label="Contact" className="cell-wrap">
        {vendor.contactEmail}
        <br />
        <span className="muted">{vendor.contactPhone}</span>
      </td>
      <td data-label="Pincodes" className="cell-wrap">
        {vendor.pincodes?.join(', ')}
      </td>
      <td data-label="Owner" className="cell-mono cell-wrap">
        {vendor.ownerUserId || '—'}
      </td>
      <td data-label="Status">
        <VendorStatusBadge status={vendor.status} />
      </td>
      {canManage && (
        <td data-label="" className="cell-actions">
          {vendor.status !== 'Approved' && (
            <button
              type="button"
              className="button button--small button--primary"
              disabled={busy}
              onClick={() => run(() => adminApi.approveVendor(vendor.vendorId), `${vendor.name} is approved.`)}
              data-testid="approve-vendor"
            >
              Approve
            </button>
          )}
          {vendor.status !== 'Disabled' && (
            <button
              type="button"
              className="button button--small button--danger-ghost"
              disabled={busy}
              onClick={() => run(() => adminApi.disableVendor(vendor.vendorId), `${vendor.name} is disabled.`)}
              data-testid="disable-vendor"
            >
              Disable
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
