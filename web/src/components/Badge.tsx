import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

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
