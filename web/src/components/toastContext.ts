import { createContext, useContext } from 'react';

export type ToastKind = 'success' | 'info' | 'error';

export interface ToastApi {
  notify: (message: string, kind?: ToastKind) => void;
}

export const ToastContext = createContext<ToastApi>({ notify: () => undefined });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}
