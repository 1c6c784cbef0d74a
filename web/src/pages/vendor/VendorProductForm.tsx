import { useState, type FormEvent } from 'react';
import type { Category, CategoryId, ProductUpdate, ProductWithStock } from '../../api/types';
import { vendorApi } from '../../api/vendor';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { useFormErrors } from '../../hooks/useFormErrors';
import { optionalNumber, optionalText } from '../../lib/validation';

const FIELDS = ['name', 'category', 'unit', 'price', 'description', 'imageUrl', 'stock'];

interface VendorProductFormProps {
  categories: readonly Category[];
  product?: ProductWithStock;
  onSaved: (product: ProductWithStock) => void;
  onCancel?: () => void;
}

export function VendorProductForm({ categories, product, onSaved, onCancel }: VendorProductFormProps) {
  const errors = useFormErrors(FIELDS);
  const [name, setName] = useState(product?.name ?? '');
  const [category, setCategory] = useState<CategoryId | ''>(product?.category ?? '');
  const [unit, setUnit] = useState(product?.unit ?? '');
  const [price, setPrice] = useState(product ? String(product.price) : '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [imageUrl, setImageUrl] = useState(product?.imageUrl ?? '');
  const [stock, setStock] = useState('');
  const [busy, setBusy] = useState(false);

  const save = () => {
    if (product) return vendorApi.updateProduct(product.productId, changedFields(product));
    return vendorApi.createProduct({
      name: name.trim(),
      category: category || undefined,
      unit: unit.trim(),
      price: optionalNumber(price),
      description: optionalText(description),
      imageUrl: optionalText(imageUrl),
      stock: optionalNumber(stock),
    });
  };

  const changedFields = (original: ProductWithStock): ProductUpdate => {
    const update: ProductUpdate = {};
    if (name.trim() !== original.name) update.name = name.trim();
    if (category && category !== original.category) update.category = category;
    if (unit.trim() !== original.unit) update.unit = unit.trim();
    if (optionalNumber(price) !== original.price) update.price = optionalNumber(price);
    if (description.trim() !== (original.description ?? '')) update.description = description.trim();
    if (imageUrl.trim() !== (original.imageUrl ?? '')) update.imageUrl = imageUrl.trim();
    return update;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.clearErrors();
    setBusy(true);
    try {
      const saved = await save();
      setBusy(false);
      onSaved(saved);
    } catch (error) {
      errors.showError(error);
      setBusy(false);
    }
  };

  return (
    <form className="form" data-testid="vendor-product-form" onSubmit={onSubmit} noValidate>
      <h2 className="section-title">{product ? `Edit ${product.name}` : 'Add product'}</h2>
      <FormError message={errors.formError} details={errors.otherErrors} />
      <TextField label="Product name" name="name" value={name} onValue={setName} placeholder="Full cream milk" required error={errors.fieldError('name')} />
      <div className="form__row">
        <SelectField label="Category" name="category" value={category} onValue={(value) => setCategory(value as CategoryId | '')} required error={errors.fieldError('category')}>
          <option value="">Choose a category</option>
          {categories.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Unit" name="unit" value={unit} onValue={setUnit} placeholder="500 ml" required error={errors.fieldError('unit')} />
      </div>
      <div className="form__row">
        <TextField
          label="Price (₹)"
          name="price"
          type="number"
          inputMode="decimal"
          min="0"
          step="0.01"
          value={price}
          onValue={setPrice}
          placeholder="30"
          required
          error={errors.fieldError('price')}
        />
        {!product && (
          <TextField
            label="Initial stock"
            name="stock"
            type="number"
            inputMode="numeric"
            min="0"
            step="1"
            value={stock}
            onValue={setStock}
            placeholder="50"
            optional
            error={errors.fieldError('stock')}
          />
        )}
      </div>
      <TextAreaField label="Description" name="description" value={description} onValue={setDescription} rows={3} optional error={errors.fieldError('description')} />
      <TextField
        label="Image URL"
        name="imageUrl"
        value={imageUrl}
        onValue={setImageUrl}
        optional
        placeholder="/images/milk.svg"
        hint="Leave empty to use the category picture"
        error={errors.fieldError('imageUrl')}
      />
      <div className="form__actions">
        <SubmitButton busy={busy} busyLabel="Saving…">
          {product ? 'Save changes' : 'Add product'}
        </SubmitButton>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
