import { useEffect, useRef, useState, type FormEvent } from 'react';
import { catalogApi } from '../../api/catalog';
import type { ProductQuery } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { useAsync } from '../../hooks/useAsync';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { isPincode } from '../../lib/validation';
import type { ShopFilterKey } from './useShopFilters';

interface ShopFiltersProps {
  filters: Required<ProductQuery>;
  onChange: (key: ShopFilterKey, value: string) => void;
}

export function ShopFilters({ filters, onChange }: ShopFiltersProps) {
  const [q, setQ] = useState(filters.q);
  const [pincode, setPincode] = useState(filters.pincode);
  const debouncedQ = useDebouncedValue(q.trim(), 350);

  const latest = useRef({ q: filters.q, onChange });

  useEffect(() => {
    latest.current = { q: filters.q, onChange };
  });

  useEffect(() => {
    if (debouncedQ !== latest.current.q) latest.current.onChange('q', debouncedQ);
  }, [debouncedQ]);

  const pincodeValid = pincode === '' || isPincode(pincode);
  const vendorPincode = isPincode(filters.pincode) ? filters.pincode : '';
  const vendors = useAsync(() => catalogApi.vendors(vendorPincode || undefined), [vendorPincode]);
  const vendorItems = vendors.data?.items ?? [];
  const selectedMissing = filters.vendorId && !vendorItems.some((vendor) => vendor.vendorId === filters.vendorId);

  const onPincode = (value: string) => {
    const digits = value.replace(/\D/g, '').slice(0, 6);
    setPincode(digits);
    if (digits === '' || isPincode(digits)) onChange('pincode', digits);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange('q', q.trim());
  };

  return (
    <form className="filters panel" role="search" aria-label="Find products" onSubmit={onSubmit}>
      <div className="filters__search">
        <TextField
          label="Search"
          name="q"
          type="search"
          value={q}
          onValue={setQ}
          placeholder="Milk, paneer, ghee…"
          autoComplete="off"
          data-testid="search-input"
        />
        <button type="submit" className="button button--primary filters__submit">
          Search
        </button>
      </div>
      <TextField
        label="Delivery pincode"
        name="pincode"
        value={pincode}
        onValue={onPincode}
        inputMode="numeric"
        maxLength={6}
        placeholder="390001"
        autoComplete="postal-code"
        error={pincodeValid ? undefined : 'Enter all 6 digits of your pincode'}
      />
      <SelectField
        label="Dairy"
        name="vendorId"
        value={filters.vendorId}
        onValue={(value) => onChange('vendorId', value)}
        hint={vendors.error ? 'Could not load the dairies list.' : undefined}
      >
        <option value="">All dairies</option>
        {selectedMissing && <option value={filters.vendorId}>Selected dairy</option>}
        {vendorItems.map((vendor) => (
          <option key={vendor.vendorId} value={vendor.vendorId}>
            {vendor.name}
          </option>
        ))}
      </SelectField>
    </form>
  );
}
