import { useEffect } from 'react';

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · MilkRun` : 'MilkRun · Fresh dairy, delivered tomorrow morning';
  }, [title]);
}
