import { useId } from 'react';
import { Link } from 'react-router-dom';
import type { Address } from '../../api/types';
import { Badge } from '../../components/Badge';

interface AddressPickerProps {
  addresses: readonly Address[];
  selected: string;
  onSelect: (addressId: string) => void;
  error?: string;
}

/** The address to use when none has been picked: the default one, else the first. */
export function defaultAddressId(addresses: readonly Address[]): string {
  return (addresses.find((address) => address.isDefault) ?? addresses[0])?.addressId ?? '';
}

export function AddressPicker({ addresses, selected, onSelect, error }: AddressPickerProps) {
  const errorId = useId();
  return (
    <fieldset className="choice-group" aria-describedby={error ? errorId : undefined}>
      <legend className="section-title">Delivery address</legend>
      {addresses.length === 0 ? (
        <p className="notice notice--warning">
          You have no delivery address yet. <Link to="/account">Add one on your account page</Link>, then come back: your
          cart is kept.
        </p>
      ) : (
        <div className="address-options">
          {addresses.map((address) => (
            <label
              key={address.addressId}
              className={`option-card${address.addressId === selected ? ' option-card--selected' : ''}`}
            >
              <input
                type="radio"
                name="addressId"
                value={address.addressId}
                checked={address.addressId === selected}
                onChange={() => onSelect(address.addressId)}
                aria-invalid={error ? true : undefined}
                className="option-card__radio"
                data-testid="address-option"
              />
              <span className="option-card__body">
                <span className="option-card__title">
                  {address.label || 'Address'}
                  {address.isDefault && <Badge tone="success">Default</Badge>}
                </span>
                <span className="option-card__text">
                  {address.line1}
                  {address.line2 ? `, ${address.line2}` : ''}
                  <br />
                  {address.city}, {address.state} {address.zipCode}
                </span>
              </span>
            </label>
          ))}
        </div>
      )}
      {addresses.length > 0 && (
        <p className="field__hint">
          Somewhere else? <Link to="/account">Add an address on your account page</Link>.
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} data-testid="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
