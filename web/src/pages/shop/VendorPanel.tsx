import { catalogApi } from '../../api/catalog';
import { useAsync } from '../../hooks/useAsync';

interface VendorPanelProps {
  vendorId: string;
  vendorName?: string | null;
}

export function VendorPanel({ vendorId, vendorName }: VendorPanelProps) {
  const vendor = useAsync(() => catalogApi.vendor(vendorId), [vendorId]);
  const details = vendor.data;

  return (
    <aside className="vendor-panel" aria-label="About the dairy">
      <p className="vendor-panel__eyebrow">From the dairy</p>
      <p className="vendor-panel__name">{details?.name ?? vendorName ?? 'Local dairy'}</p>
      {vendor.loading && <p className="muted">Loading dairy details…</p>}
      {details?.description && <p className="vendor-panel__description">{details.description}</p>}
      {details && details.pincodes?.length > 0 && (
        <p className="vendor-panel__meta">
          <span className="muted">Delivers to </span>
          {details.pincodes.join(', ')}
        </p>
      )}
      {details?.contactPhone && (
        <p className="vendor-panel__meta">
          <span className="muted">Phone </span>
          <a href={`tel:${details.contactPhone}`}>{details.contactPhone}</a>
        </p>
      )}
    </aside>
  );
}
