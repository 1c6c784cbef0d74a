import { cartSubtotal, type CartLine } from '../../cart/cartLines';
import { PriceBreakdown } from '../../components/PriceBreakdown';
import { Spinner } from '../../components/States';
import { formatPrice } from '../../lib/format';
import type { QuoteState } from './useQuote';

interface CheckoutPriceProps {
  lines: readonly CartLine[];
  quote: QuoteState;
  /** An address and a date are chosen, so the order can be priced. */
  priceable: boolean;
}

/** The server's price when it has one; the cart's own sum, marked indicative, until then. */
export function CheckoutPrice({ lines, quote, priceable }: CheckoutPriceProps) {
  if (quote.quote && !quote.problem && priceable) {
    return (
      <>
        <PriceBreakdown priced={quote.quote} stale={quote.stale} />
        {quote.loading && <p className="summary__note">Updating the price…</p>}
      </>
    );
  }
  if (quote.loading) return <Spinner label="Working out your price…" />;
  return (
    <>
      <dl className="breakdown">
        <div className="breakdown__row">
          <dt>Items total (indicative)</dt>
          <dd>{formatPrice(cartSubtotal(lines))}</dd>
        </div>
      </dl>
      <p className="summary__note">
        {priceable
          ? 'The full price shows once the problem below is sorted out.'
          : 'Choose an address and a delivery date to see taxes, delivery and the total.'}
      </p>
    </>
  );
}
