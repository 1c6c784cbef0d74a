import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Address, OrderRequest, UserProfile } from '../../api/types';
import { useCart } from '../../cart/cartContext';
import { AddressPicker, defaultAddressId } from './AddressPicker';
import { CheckoutSummary } from './CheckoutSummary';
import { DeliveryDatePicker } from './DeliveryDatePicker';
import { checkoutFieldProblem, type CheckoutField } from './orderProblem';
import { PaymentOptions } from './PaymentOptions';
import { ProfileNotice } from './ProfileNotice';
import { useDeliveryDates } from './useDeliveryDates';
import { usePlaceOrder } from './usePlaceOrder';
import { useQuote } from './useQuote';

interface CheckoutFormProps {
  profile: UserProfile;
  addresses: readonly Address[];
}

export function CheckoutForm({ profile, addresses }: CheckoutFormProps) {
  const { lines, applyPrices } = useCart();
  const dates = useDeliveryDates();
  const [addressChoice, setAddressChoice] = useState('');
  const [dateChoice, setDateChoice] = useState('');
  const [redeemChoice, setRedeemChoice] = useState(false);
  const { submitting, failure, place, reject } = usePlaceOrder();

  const addressId = addresses.some((address) => address.addressId === addressChoice)
    ? addressChoice
    : defaultAddressId(addresses);
  const deliveryDate = dates.includes(dateChoice) ? dateChoice : (dates[0] ?? '');
  const loyaltyPoints = Math.max(0, Math.floor(profile.loyaltyPoints ?? 0));
  const redeemPoints = loyaltyPoints > 0 && redeemChoice;

  const items = useMemo(
    () => lines.map(({ productId, vendorId, quantity }) => ({ productId, vendorId, quantity })),
    [lines],
  );
  const body: OrderRequest | null =
    items.length && addressId && deliveryDate
      ? { items, deliveryDate, addressId, paymentMethod: 'CashOnDelivery', redeemPoints }
      : null;
  const formKey = JSON.stringify({ items, deliveryDate, addressId, redeemPoints });

  const quote = useQuote(body);
  const placeProblem = failure && failure.formKey === formKey ? failure.problem : undefined;
  const problem = placeProblem ?? quote.problem;

  const quoted = quote.quote && !quote.stale ? quote.quote : undefined;
  useEffect(() => {
    if (!quoted) return;
    applyPrices(
      quoted.items.map((item) => ({
        productId: item.productId,
        unitPrice: item.unitPrice,
        productName: item.productName,
        vendorName: item.vendorName,
      })),
    );
  }, [quoted, applyPrices]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!body) {
      const fields: Partial<Record<CheckoutField, string>> = {};
      if (!addressId) {
        fields.addressId = addresses.length ? 'Choose a delivery address.' : 'Add a delivery address on your account page first.';
      }
      if (!deliveryDate) fields.deliveryDate = 'Choose a delivery date.';
      reject(formKey, checkoutFieldProblem(fields));
      return;
    }
    void place(body, formKey);
  };

  return (
    <>
      {!profile.isProfileComplete && <ProfileNotice missingFields={profile.missingFields ?? []} />}
      <form className="checkout" data-testid="checkout-form" onSubmit={onSubmit} noValidate>
        <div className="checkout__main">
          <section className="panel">
            <AddressPicker
              addresses={addresses}
              selected={addressId}
              onSelect={setAddressChoice}
              error={problem?.fields.addressId}
            />
          </section>
          <section className="panel">
            <DeliveryDatePicker
              dates={dates}
              selected={deliveryDate}
              onSelect={setDateChoice}
              error={problem?.fields.deliveryDate}
            />
          </section>
          <section className="panel">
            <PaymentOptions
              loyaltyPoints={loyaltyPoints}
              redeemPoints={redeemPoints}
              onRedeemPoints={setRedeemChoice}
              error={problem?.fields.paymentMethod ?? problem?.fields.redeemPoints}
            />
          </section>
        </div>
        <CheckoutSummary
          lines={lines}
          quote={quote}
          problem={problem}
          priceable={body !== null}
          deliveryDate={deliveryDate}
          submitting={submitting}
        />
      </form>
    </>
  );
}
