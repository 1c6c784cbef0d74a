import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import type { ProductWithStock, StockLevel } from '../../api/types';
import { vendorApi } from '../../api/vendor';

interface StockEditorProps {
  product: ProductWithStock;
  onSaved: (level: StockLevel) => void;
}

export function StockEditor({ product, onSaved }: StockEditorProps) {
  const [value, setValue] = useState(String(product.stock ?? 0));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const inputId = `stock-${product.productId}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const stock = Number(value);
    if (value.trim() === '' || !Number.isInteger(stock) || stock < 0) {
      setError('Enter a whole number, 0 or more.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await vendorApi.setStock(product.productId, stock));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stock-editor" onSubmit={onSubmit} noValidate>
      <label className="visually-hidden" htmlFor={inputId}>
        Stock for {product.name}
      </label>
      <input
        id={inputId}
        className="input input--compact"
        type="number"
        name="stock"
        min="0"
        step="1"
        inputMode="numeric"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        data-testid="stock-input"
      />
      <button type="submit" className="button button--small" disabled={busy} data-testid="stock-save">
        {busy ? 'Saving…' : 'Save'}
      </button>
      {error && (
        <p className="stock-editor__error" id={`${inputId}-error`} role="alert" data-testid="field-error">
          {error}
        </p>
      )}
    </form>
  );
}
