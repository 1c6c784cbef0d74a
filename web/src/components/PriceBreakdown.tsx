import type { PricedOrder } from '../api/types';
import { formatPrice } from '../lib/format';
import { roundRupees } from '../lib/money';

interface Row {
  label: string;
  amount: number;
  kind?: 'discount' | 'free';
}

function rows(priced: PricedOrder): Row[] {
  const details = priced.breakdown ?? {};
  const cgst = details.taxBreakdown?.cgst ?? roundRupees(priced.tax / 2);
  const sgst = details.taxBreakdown?.sgst ?? roundRupees(priced.tax - cgst);
  const surcharge = details.deliveryDetails?.multiVendorSurcharge ?? 0;
  const baseCharge = details.deliveryDetails?.baseCharge ?? roundRupees(priced.deliveryCharge - surcharge);
  const firstOrder = details.discountDetails?.firstOrder ?? 0;
  const loyalty = details.discountDetails?.loyaltyPoints ?? 0;
  const otherDiscount = roundRupees(priced.discount - firstOrder - loyalty);

  const list: Row[] = [
    { label: 'Items total', amount: details.itemsTotal ?? priced.subtotal },
    { label: 'CGST (2.5%)', amount: cgst },
    { label: 'SGST (2.5%)', amount: sgst },
    { label: 'Delivery', amount: baseCharge, kind: baseCharge === 0 ? 'free' : undefined },
  ];
  if (surcharge > 0) list.push({ label: 'Multi-vendor surcharge', amount: surcharge });
  if (firstOrder > 0) list.push({ label: 'First-order discount', amount: firstOrder, kind: 'discount' });
  if (loyalty > 0) list.push({ label: 'Loyalty points', amount: loyalty, kind: 'discount' });
  if (otherDiscount > 0) list.push({ label: 'Discount', amount: otherDiscount, kind: 'discount' });
  return list;
}

function shown(row: Row): string {
  if (row.kind === 'free') return 'Free';
  if (row.kind === 'discount') return `−${formatPrice(row.amount)}`;
  return formatPrice(row.amount);
}

/** What an order or a quote costs, line by line, ending with the total. */
export function PriceBreakdown({ priced, stale }: { priced: PricedOrder; stale?: boolean }) {
  return (
    <dl className={`breakdown${stale ? ' breakdown--stale' : ''}`} aria-busy={stale || undefined}>
      {rows(priced).map((row) => (
        <div key={row.label} className={`breakdown__row${row.kind === 'discount' ? ' breakdown__row--discount' : ''}`}>
          <dt>{row.label}</dt>
          <dd>{shown(row)}</dd>
        </div>
      ))}
      <div className="breakdown__row breakdown__row--total">
        <dt>Total</dt>
        <dd data-testid="price-total">{formatPrice(priced.totalAmount)}</dd>
      </div>
    </dl>
  );
}
