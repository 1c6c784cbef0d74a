import type { Category } from '../../api/types';

interface CategoryChipsProps {
  categories: readonly Category[];
  selected: string;
  onSelect: (id: string) => void;
}

export function CategoryChips({ categories, selected, onSelect }: CategoryChipsProps) {
  const chips = [{ id: '', name: 'All' }, ...categories];
  return (
    <div className="chips" role="group" aria-label="Categories">
      {chips.map((category) => (
        <button
          key={category.id || 'all'}
          type="button"
          className={`chip${selected === category.id ? ' chip--selected' : ''}`}
          aria-pressed={selected === category.id}
          data-category={category.id || 'all'}
          onClick={() => onSelect(category.id)}
        >
          {category.id && <img className="chip__icon" src={`/images/${category.id}.svg`} alt="" width="20" height="15" />}
          {category.name}
        </button>
      ))}
    </div>
  );
}
