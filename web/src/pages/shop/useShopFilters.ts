import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ProductQuery } from '../../api/types';
import { isCategoryId } from '../../lib/categories';

export type ShopFilterKey = keyof Required<ProductQuery>;

const KEYS: ShopFilterKey[] = ['q', 'category', 'pincode', 'vendorId'];

/** The shop's filters live in the address bar so results can be shared and survive a reload. */
export function useShopFilters() {
  const [params, setParams] = useSearchParams();

  const category = params.get('category') ?? '';
  const filters: Required<ProductQuery> = {
    q: params.get('q') ?? '',
    // A category the shop does not know (an old or mistyped link) shows every product.
    category: isCategoryId(category) ? category : '',
    pincode: params.get('pincode') ?? '',
    vendorId: params.get('vendorId') ?? '',
  };

  const setFilter = useCallback(
    (key: ShopFilterKey, value: string) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clearFilters = useCallback(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        KEYS.forEach((key) => next.delete(key));
        return next;
      },
      { replace: true },
    );
  }, [setParams]);

  const active = KEYS.some((key) => filters[key]);

  return { filters, setFilter, clearFilters, active };
}
