import type { Category, CategoryId } from '../api/types';

export const DEFAULT_CATEGORIES: readonly Category[] = [
  { id: 'milk', name: 'Milk' },
  { id: 'curd', name: 'Curd' },
  { id: 'paneer', name: 'Paneer' },
  { id: 'butter', name: 'Butter' },
  { id: 'ghee', name: 'Ghee' },
  { id: 'cheese', name: 'Cheese' },
  { id: 'cream', name: 'Cream' },
  { id: 'beverages', name: 'Beverages' },
  { id: 'sweets', name: 'Sweets' },
  { id: 'other', name: 'Other' },
];

const KNOWN_IDS: ReadonlySet<string> = new Set(DEFAULT_CATEGORIES.map((category) => category.id));

export function isCategoryId(value: string): value is CategoryId {
  return KNOWN_IDS.has(value);
}

export function categoryImage(category: string | undefined | null): string {
  const id = (category ?? '').toLowerCase();
  return `/images/${isCategoryId(id) ? id : 'other'}.svg`;
}

export function categoryName(categories: readonly Category[], id: string): string {
  const match = categories.find((category) => category.id === id);
  if (match) return match.name;
  return id ? id.charAt(0).toUpperCase() + id.slice(1) : '';
}
