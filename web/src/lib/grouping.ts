export interface VendorGroup<T> {
  vendorId: string;
  vendorName: string;
  items: T[];
}

/** Groups lines by dairy, keeping the order in which each dairy first appears. */
export function groupByVendor<T extends { vendorId: string; vendorName?: string | null }>(items: readonly T[]): VendorGroup<T>[] {
  const groups = new Map<string, VendorGroup<T>>();
  for (const item of items) {
    const group = groups.get(item.vendorId);
    if (group) {
      group.items.push(item);
      if (!group.vendorName && item.vendorName) group.vendorName = item.vendorName;
    } else {
      groups.set(item.vendorId, { vendorId: item.vendorId, vendorName: item.vendorName ?? '', items: [item] });
    }
  }
  return [...groups.values()];
}

export interface OrderGroup<T> {
  orderId: string;
  items: T[];
}

/** Groups lines by order, keeping the order in which each order first appears. */
export function groupByOrder<T extends { orderId: string }>(items: readonly T[]): OrderGroup<T>[] {
  const groups = new Map<string, OrderGroup<T>>();
  for (const item of items) {
    const group = groups.get(item.orderId);
    if (group) group.items.push(item);
    else groups.set(item.orderId, { orderId: item.orderId, items: [item] });
  }
  return [...groups.values()];
}
