import type { ReactNode } from 'react';
import { orderStatusLabel } from '../lib/orders';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent' | 'violet';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

const VENDOR_TONES: Record<string, BadgeTone> = {
  Pending: 'warning',
  Approved: 'success',
  Disabled: 'danger',
};

export function VendorStatusBadge({ status }: { status: string }) {
  return <Badge tone={VENDOR_TONES[status] ?? 'neutral'}>{status}</Badge>;
}

const ROLE_TONES: Record<string, BadgeTone> = {
  Admin: 'accent',
  Manager: 'info',
  Vendor: 'success',
  DeliveryAgent: 'warning',
};

export function RoleBadge({ role }: { role: string }) {
  return <Badge tone={ROLE_TONES[role] ?? 'neutral'}>{role === 'DeliveryAgent' ? 'Delivery agent' : role}</Badge>;
}

const ORDER_TONES: Record<string, BadgeTone> = {
  PaymentPending: 'warning',
  Pending: 'warning',
  Confirmed: 'info',
  Processing: 'accent',
  OutForDelivery: 'violet',
  Delivered: 'success',
  Cancelled: 'neutral',
  Failed: 'danger',
};

/** The status as its wire name (`OutForDelivery`), which is also what tests read; the title spells it out. */
export function OrderStatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`badge badge--${ORDER_TONES[status] ?? 'neutral'}`}
      data-testid="order-status"
      data-status={status}
      title={orderStatusLabel(status)}
    >
      {status}
    </span>
  );
}

const DECISION_TONES: Record<string, BadgeTone> = {
  Accepted: 'success',
  Rejected: 'danger',
};

/** A dairy's answer to an order: "Accepted" or "Rejected". */
export function DecisionBadge({ decision, testId }: { decision: string; testId?: string }) {
  return (
    <span className={`badge badge--${DECISION_TONES[decision] ?? 'neutral'}`} data-testid={testId} data-decision={decision}>
      {decision}
    </span>
  );
}

const RUN_TONES: Record<string, BadgeTone> = {
  Running: 'info',
  Succeeded: 'success',
  Failed: 'danger',
  Aborted: 'neutral',
};

export function RunStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge--${RUN_TONES[status] ?? 'neutral'}`} data-testid="run-status" data-status={status}>
      {status}
    </span>
  );
}

const EMAIL_TONES: Record<string, BadgeTone> = {
  Dead: 'danger',
  Pending: 'warning',
  Sent: 'success',
};

export function EmailStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge--${EMAIL_TONES[status] ?? 'neutral'}`} data-testid="email-status" data-status={status}>
      {status}
    </span>
  );
}
