import { useEffect, useState } from 'react';
import { catalogApi } from '../api/catalog';
import type { Category } from '../api/types';
import { DEFAULT_CATEGORIES } from '../lib/categories';

let cache: Promise<Category[]> | null = null;

function loadCategories(): Promise<Category[]> {
  if (!cache) {
    cache = catalogApi.categories().then(
      (answer) => (answer.items?.length ? answer.items : [...DEFAULT_CATEGORIES]),
      (error: unknown) => {
        cache = null;
        throw error;
      },
    );
  }
  return cache;
}

/** The catalog's categories; the contract's fixed list stands in until (or unless) the server answers. */
export function useCategories(): readonly Category[] {
  const [categories, setCategories] = useState<readonly Category[]>(DEFAULT_CATEGORIES);
  useEffect(() => {
    let live = true;
    loadCategories().then(
      (items) => live && setCategories(items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return categories;
}
