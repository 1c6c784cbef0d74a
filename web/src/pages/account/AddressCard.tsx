import { useState } from 'react';
import type { Address } from '../../api/types';
import { Badge } from '../../components/Badge';

interface AddressCardProps {
  address: Address;
  busy: boolean;
  onEdit: () => void;
  onMakeDefault: () => void;
  onDelete: () => void;
}

export function AddressCard({ address, busy, onEdit, onMakeDefault, onDelete }: AddressCardProps) {
  const [confirming, setConfirming] = useState(false);

  return (
    <li className="address-card" data-testid="address-card" data-address-id={address.addressId}>
      <div className="address-card__head">
        <span className="address-card__label">{address.label || 'Address'}</span>
        {address.isDefault && <Badge tone="success">Default</Badge>}
      </div>
      <address className="address-card__lines">
        {address.line1}
        {address.line2 && (
          <>
            <br />
            {address.line2}
          </>
        )}
        <br />
        {address.city}, {address.state} {address.zipCode}
      </address>
      {confirming ? (
        <div className="address-card__actions" role="group" aria-label="Confirm delete">
          <span className="muted">Delete this address?</span>
          <button type="button" className="button button--danger button--small" onClick={onDelete} disabled={busy}>
            Yes, delete
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => setConfirming(false)} disabled={busy}>
            Keep
          </button>
        </div>
      ) : (
        <div className="address-card__actions">
          <button type="button" className="button button--small" onClick={onEdit} disabled={busy}>
            Edit
          </button>
          {!address.isDefault && (
            <button type="button" className="button button--small" onClick={onMakeDefault} disabled={busy}>
              Set as default
            </button>
          )}
          <button type="button" className="button button--ghost button--small" onClick={() => setConfirming(true)} disabled={busy}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
