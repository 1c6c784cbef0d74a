import type { OrderTimelineEntry, TimelineActorKind } from '../../api/types';
import { formatDateTime, isoString } from '../../lib/format';

const WHAT_LABELS: Record<string, string> = {
  Placed: 'Order placed',
  VendorsNotified: 'Dairies told about the order',
  Confirmed: 'Order confirmed',
  CustomerNotified: 'Confirmation email sent',
  VendorAccepted: 'Dairy accepted the order',
  VendorRejected: 'Dairy turned the order down',
  Processing: 'Being prepared',
  OutForDelivery: 'Out for delivery',
  Delivered: 'Delivered',
  Cancelled: 'Order cancelled',
  Failed: 'Order could not be completed',
};

const WHAT_TONES: Record<string, string> = {
  Confirmed: 'success',
  VendorAccepted: 'success',
  Delivered: 'success',
  VendorRejected: 'danger',
  Failed: 'danger',
  Cancelled: 'neutral',
};

const KIND_LABELS: Record<TimelineActorKind, string> = {
  customer: 'customer',
  vendor: 'dairy',
  manager: 'MilkRun manager',
  admin: 'MilkRun admin',
  workflow: 'automatic',
  system: 'automatic',
};

/** "Order placed" for `Placed`; an unknown step is spelled out from its name ("PaymentTaken" → "Payment taken"). */
export function timelineLabel(what: string): string {
  return WHAT_LABELS[what] ?? what.replace(/([a-z])([A-Z])/g, (_, before: string, next: string) => `${before} ${next.toLowerCase()}`);
}

function actor(entry: OrderTimelineEntry): string {
  const kind = KIND_LABELS[entry.byKind] ?? entry.byKind;
  const automatic = entry.byKind === 'workflow' || entry.byKind === 'system';
  const who = entry.by?.trim() || (automatic ? 'MilkRun' : '');
  if (!who) return kind ? `By a ${kind}` : '';
  return kind ? `By ${who} (${kind})` : `By ${who}`;
}

/** What happened to the order, oldest first, each step with who did it and when (in the browser's time zone). */
export function OrderTimeline({ entries }: { entries: readonly OrderTimelineEntry[] }) {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  if (sorted.length === 0) return <p className="muted">Nothing has happened to this order yet.</p>;
  return (
    <ol className="timeline" aria-label="Order history" data-testid="order-timeline">
      {sorted.map((entry, index) => {
        const tone = WHAT_TONES[entry.what] ?? 'info';
        const latest = index === sorted.length - 1;
        const by = actor(entry);
        return (
          <li
            key={`${entry.seq}:${entry.what}`}
            className={`timeline__entry timeline__entry--${tone}${latest ? ' timeline__entry--latest' : ''}`}
            data-testid="timeline-entry"
            data-what={entry.what}
            data-status={entry.status}
            data-by-kind={entry.byKind}
            aria-current={latest ? 'step' : undefined}
          >
            <span className="timeline__dot" aria-hidden="true" />
            <div className="timeline__body">
              <p className="timeline__title">{timelineLabel(entry.what)}</p>
              <p className="timeline__meta">
                <time dateTime={isoString(entry.at)}>{formatDateTime(entry.at)}</time>
                {by && <span className="timeline__by"> · {by}</span>}
              </p>
              {entry.note && <p className="timeline__note">{entry.note}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
