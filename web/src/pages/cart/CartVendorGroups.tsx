import { useId } from 'react';
import { catalogApi } from '../../api/catalog';
import type { CartLine } from '../../cart/cartLines';
import { useAsync } from '../../hooks/useAsync';
import { groupByVendor } from '../../lib/grouping';
import { CartLineItem } from './CartLineItem';
import type { LineProblem } from './LineError';

/** Cart lines saved without a dairy name ask the catalog for it. */
function FetchedVendorName({ vendorId }: { vendorId: string }) {
  const vendor = useAsync(() => catalogApi.vendor(vendorId), [vendorId]);
  return <>{vendor.data?.name ?? 'Local dairy'}</>;
}

interface CartGroupProps {
  vendorId: string;
  vendorName: string;
  lines: CartLine[];
  heading: 'h2' | 'h3';
  problems: Record<string, LineProblem>;
  quotedTotals: ReadonlyMap<string, number>;
}

function CartGroup({ vendorId, vendorName, lines, heading: Heading, problems, quotedTotals }: CartGroupProps) {
  const titleId = useId();
  return (
    <section className="cart-group" data-testid="cart-vendor-group" data-vendor-id={vendorId} aria-labelledby={titleId}>
      <Heading className="cart-group__title" id={titleId}>
        {vendorName || <FetchedVendorName vendorId={vendorId} />}
      </Heading>
      <ul className="cart-lines">
        {lines.map((line) => (
          <CartLineItem
            key={line.productId}
            line={line}
            problem={problems[line.productId]}
            quotedTotal={quotedTotals.get(line.productId)}
          />
        ))}
      </ul>
    </section>
  );
}

interface CartVendorGroupsProps {
  lines: readonly CartLine[];
  heading?: 'h2' | 'h3';
  problems?: Record<string, LineProblem>;
  quotedTotals?: ReadonlyMap<string, number>;
}

const NO_PROBLEMS: Record<string, LineProblem> = {};
const NO_TOTALS: ReadonlyMap<string, number> = new Map();

/** The cart by dairy, each dairy's name over its lines. */
export function CartVendorGroups({ lines, heading = 'h2', problems = NO_PROBLEMS, quotedTotals = NO_TOTALS }: CartVendorGroupsProps) {
  return (
    <div className="cart-groups">
      {groupByVendor(lines).map((group) => (
        <CartGroup
          key={group.vendorId}
          vendorId={group.vendorId}
          vendorName={group.vendorName}
          lines={group.items}
          heading={heading}
          problems={problems}
          quotedTotals={quotedTotals}
        />
      ))}
    </div>
  );
}
