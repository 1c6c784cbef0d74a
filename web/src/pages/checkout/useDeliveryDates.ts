import { useEffect, useState } from 'react';
import { deliveryDateOptions } from '../../lib/businessTime';

const RECHECK_MS = 30_000;

/** The delivery dates on offer now; rechecked every half minute so the list follows the 22:00 IST cut-off and midnight. */
export function useDeliveryDates(): readonly string[] {
  const [dates, setDates] = useState<readonly string[]>(() => deliveryDateOptions());

  useEffect(() => {
    const timer = window.setInterval(() => {
      const next = deliveryDateOptions();
      setDates((current) => (current.join() === next.join() ? current : next));
    }, RECHECK_MS);
    return () => window.clearInterval(timer);
  }, []);

  return dates;
}
