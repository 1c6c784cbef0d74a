import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { CartLine } from '../../cart/cartLines';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { formatDay } from '../../lib/businessTime';
import { CartVendorGroups } from '../cart/CartVendorGroups';
import { CheckoutPrice } from './CheckoutPrice';
import type { OrderProblem } from './orderProblem';
import type { QuoteState } from './useQuote';

interface CheckoutSummaryProps {
  lines: readonly CartLine[];
  quote: QuoteState;
  problem?: OrderProblem;
  priceable: boolean;
  deliveryDate: string;
  submitting: boolean;
}

export function CheckoutSummary({ lines, quote, problem, priceable, deliveryDate, submitting }: CheckoutSummaryProps) {
  const current = quote.quote && !quote.stale ? quote.quote : undefined;
  const quotedTotals = useMemo(
    () => new Map((current?.items ?? []).map((item) => [item.productId, item.totalPrice] as const)),
    [current],
  );
  const fromQuote = problem !== undefined && problem === quote.problem;

  return (
    <section className="panel summary checkout-summary" aria-labelledby="checkout-summary-title">
      <h2 id="checkout-summary-title" className="section-title">
        Your order
      </h2>
      <CartVendorGroups lines={lines} heading="h3" problems={problem?.lines} quotedTotals={quotedTotals} />
      <div className="checkout-summary__price" aria-live="polite">
        <CheckoutPrice lines={lines} quote={quote} priceable={priceable} />
      </div>
      <FormError message={problem?.message} details={problem?.details}>
        {problem && problem.missingFields.length > 0 && (
          <p>
            <Link to="/account">Complete your profile</Link>, then come back: your cart is kept.
          </p>
        )}
        {fromQuote && problem.retryable && (
          <button type="button" className="button button--small" onClick={quote.retry}>
            Try again
          </button>
        )}
      </FormError>
      <SubmitButton busy={submitting} busyLabel="Placing order…" className="button--block" testId="place-order">
        Place order
      </SubmitButton>
      {deliveryDate && (
        <p className="summary__note">
          Cash on delivery · arrives by 8:00 AM on {formatDay(deliveryDate)}. Prices are confirmed when you place the
          order.
        </p>
      )}
    </section>
  );
}
