import { useEffect, useState } from 'react';
import { devApi } from '../api/dev';

/** `unknown` until the server has answered, then whether its development mailbox is open. Asked once per page load. */
export type DemoMode = 'unknown' | 'on' | 'off';

export function useDemoMode(): DemoMode {
  const [mode, setMode] = useState<DemoMode>('unknown');

  useEffect(() => {
    const controller = new AbortController();
    devApi.mailboxOpen(controller.signal).then(
      (open) => setMode(open ? 'on' : 'off'),
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  return mode;
}
