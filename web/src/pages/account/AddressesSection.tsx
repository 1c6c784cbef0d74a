import { useState } from 'react';
import { errorMessage } from '../../api/client';
import type { Address, AddressInput } from '../../api/types';
import { usersApi } from '../../api/users';
import { FormError } from '../../components/FormError';
import { LoadMore } from '../../components/LoadMore';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useToast } from '../../components/toastContext';
import { usePagedList } from '../../hooks/usePagedList';
import { AddressCard } from './AddressCard';
import { AddressForm } from './AddressForm';

function toInput(address: Address): AddressInput {
  return {
    label: address.label ?? '',
    line1: address.line1,
    line2: address.line2 ?? '',
    city: address.city,
    state: address.state,
    zipCode: address.zipCode,
    isDefault: address.isDefault,
  };
}

export function AddressesSection({ onChanged }: { onChanged: () => void }) {
  const { notify } = useToast();
  const addresses = usePagedList((nextToken) => usersApi.addresses(nextToken), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | undefined>(undefined);

  const afterChange = (message: string) => {
    setEditing(null);
    addresses.reload();
    onChanged();
    notify(message);
  };

  const runAction = async (addressId: string, action: () => Promise<unknown>, message: string) => {
    setBusyId(addressId);
    setActionError(undefined);
    try {
      await action();
      afterChange(message);
    } catch (error) {
      setActionError(errorMessage(error));
    } finally {
      setBusyId(null);
    }
  };

  const editingAddress = addresses.items.find((address) => address.addressId === editing);

  return (
    <section className="panel" aria-labelledby="addresses-title">
      <div className="panel__head">
        <h2 id="addresses-title" className="section-title">
          Delivery addresses
        </h2>
        {editing === null && (
          <button type="button" className="button button--small button--primary" onClick={() => setEditing('new')}>
            Add address
          </button>
        )}
      </div>

      <FormError message={actionError} />

      {editing === 'new' && (
        <AddressForm
          onCancel={() => setEditing(null)}
          onSubmit={async (input) => {
            await usersApi.addAddress(input);
            afterChange('Address added.');
          }}
        />
      )}
      {editingAddress && (
        <AddressForm
          key={editingAddress.addressId}
          address={editingAddress}
          onCancel={() => setEditing(null)}
          onSubmit={async (input) => {
            await usersApi.updateAddress(editingAddress.addressId, input);
            afterChange('Address saved.');
          }}
        />
      )}

      {addresses.loading ? (
        <Spinner label="Loading addresses…" />
      ) : addresses.error ? (
        <ErrorState error={addresses.error} title="We could not load your addresses" onRetry={addresses.reload} />
      ) : addresses.items.length === 0 ? (
        editing === null && (
          <EmptyState title="No delivery address yet" icon="/images/milk.svg">
            <p>Add where the milk should arrive tomorrow morning.</p>
          </EmptyState>
        )
      ) : (
        <ul className="address-list">
          {addresses.items
            .filter((address) => address.addressId !== editing)
            .map((address) => (
              <AddressCard
                key={address.addressId}
                address={address}
                busy={busyId === address.addressId}
                onEdit={() => setEditing(address.addressId)}
                onMakeDefault={() =>
                  runAction(
                    address.addressId,
                    () => usersApi.updateAddress(address.addressId, { ...toInput(address), isDefault: true }),
                    'Default address updated.',
                  )
                }
                onDelete={() =>
                  runAction(address.addressId, () => usersApi.deleteAddress(address.addressId), 'Address deleted.')
                }
              />
            ))}
        </ul>
      )}
      <LoadMore hasMore={addresses.hasMore} loading={addresses.loadingMore} error={addresses.loadMoreError} onLoadMore={addresses.loadMore} />
    </section>
  );
}
