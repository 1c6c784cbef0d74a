import type { Vendor } from '../../api/types';
import { VendorStatusBadge } from '../../components/Badge';

export function VendorProfileCard({ vendor, onEdit }: { vendor: Vendor; onEdit: () => void }) {
  return (
    <div className="vendor-card" data-testid="vendor-profile-card" data-vendor-id={vendor.vendorId}>
      <div className="vendor-card__head">
        <div>
          <h2 className="vendor-card__name">{vendor.name}</h2>
          {vendor.description && <p className="vendor-card__description">{vendor.description}</p>}
        </div>
        <div className="vendor-card__status">
          <VendorStatusBadge status={vendor.status} />
          <button type="button" className="button button--small" onClick={onEdit}>
            Edit
          </button>
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt>Email</dt>
          <dd>{vendor.contactEmail}</dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{vendor.contactPhone}</dd>
        </div>
        <div>
          <dt>Delivers to</dt>
          <dd>{vendor.pincodes?.length ? vendor.pincodes.join(', ') : 'No pincodes yet'}</dd>
        </div>
      </dl>
    </div>
  );
}
