import { useState } from 'react';
import { adminApi } from '../../api/admin';
import type { OrderStatus } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { DeliveryDateSelect, OrderStatusSelect } from '../../components/OrderFilterFields';
import { EmptyState } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { usePagedList } from '../../hooks/usePagedList';
import { isPincode } from '../../lib/validation';
import { AdminOrderRow } from './AdminOrderRow';
import { AdminTable } from './AdminTable';

const COLUMNS = ['Order', 'Placed', 'Delivery', 'Customer', 'Area', 'Dairies', 'Items', 'Total', 'Status'];

export function OrdersTab() {
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [deliveryDate, setDeliveryDate] = useState('');
  const [vendorId, setVendorId] = useState('');
  const [pincodeInput, setPincodeInput] = useState('');
  const typedPincode = useDebouncedValue(pincodeInput, 300);
  const pincode = isPincode(typedPincode) ? typedPincode : '';
  const pincodeValid = pincodeInput === '' || isPincode(pincodeInput);

  const vendors = useAsync(() => adminApi.vendors('', undefined, 100), []);
  const vendorNames = new Map((vendors.data?.items ?? []).map((vendor) => [vendor.vendorId, vendor.name]));
  const orders = usePagedList(
    (nextToken) => adminApi.orders({ status, deliveryDate, vendorId, pincode }, nextToken),
    [status, deliveryDate, vendorId, pincode],
  );
  const filtered = Boolean(status || deliveryDate || vendorId || pincode);

  return (
    <div className="admin-section">
      <form
        className="filters filters--inline filters--wide"
        aria-label="Filter orders"
        data-testid="admin-orders-filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <OrderStatusSelect value={status} onValue={setStatus} />
        <DeliveryDateSelect value={deliveryDate} onValue={setDeliveryDate} />
        <SelectField
          label="Dairy"
          name="vendorId"
          value={vendorId}
          onValue={setVendorId}
          hint={vendors.error ? 'Could not load the dairies list.' : undefined}
        >
          <option value="">All dairies</option>
          {(vendors.data?.items ?? []).map((vendor) => (
            <option key={vendor.vendorId} value={vendor.vendorId}>
              {vendor.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Pincode"
          name="pincode"
          value={pincodeInput}
          onValue={(value) => setPincodeInput(value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          maxLength={6}
          placeholder="390001"
          autoComplete="off"
          error={pincodeValid ? undefined : 'Enter all 6 digits'}
        />
      </form>

      <AdminTable
        list={orders}
        noun="orders"
        empty={<EmptyState title={filtered ? 'No orders match' : 'No orders yet'} />}
        columns={COLUMNS}
        row={(order) => (
          <AdminOrderRow key={order.orderId} order={order} vendorNames={vendorNames} />
        )}
      />
    </div>
  );
}
