import type { VendorStatus } from '../../api/types';

export function VendorStatusBanner({ status }: { status: VendorStatus }) {
  if (status === 'Pending') {
    return (
      <div className="banner banner--warning" role="status" data-testid="vendor-pending-banner">
        <strong>Pending approval.</strong> An admin will review your dairy soon. You can add products now; customers see
        them once you are approved.
      </div>
    );
  }
  if (status === 'Disabled') {
    return (
      <div className="banner banner--danger" role="status">
        <strong>Your dairy is disabled.</strong> Your products are hidden from the shop. Contact MilkRun support to
        re-enable it.
      </div>
    );
  }
  return null;
}
