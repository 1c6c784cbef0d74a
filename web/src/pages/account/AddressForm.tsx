import { useState, type FormEvent } from 'react';
import type { Address, AddressInput } from '../../api/types';
import { CheckboxField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { useFormErrors } from '../../hooks/useFormErrors';

const FIELDS = ['label', 'line1', 'line2', 'city', 'state', 'zipCode', 'isDefault'];

interface AddressFormProps {
  address?: Address;
  onSubmit: (input: AddressInput) => Promise<void>;
  onCancel: () => void;
}

export function AddressForm({ address, onSubmit, onCancel }: AddressFormProps) {
  const errors = useFormErrors(FIELDS);
  const [label, setLabel] = useState(address?.label ?? '');
  const [line1, setLine1] = useState(address?.line1 ?? '');
  const [line2, setLine2] = useState(address?.line2 ?? '');
  const [city, setCity] = useState(address?.city ?? '');
  const [state, setState] = useState(address?.state ?? '');
  const [zipCode, setZipCode] = useState(address?.zipCode ?? '');
  const [isDefault, setIsDefault] = useState(address?.isDefault ?? false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.clearErrors();
    setBusy(true);
    try {
      await onSubmit({
        label: label.trim(),
        line1: line1.trim(),
        line2: line2.trim(),
        city: city.trim(),
        state: state.trim(),
        zipCode: zipCode.trim(),
        isDefault,
      });
    } catch (error) {
      errors.showError(error);
      setBusy(false);
    }
  };

  return (
    <form className="form address-form" data-testid="address-form" onSubmit={submit} noValidate>
      <h3 className="subsection-title">{address ? 'Edit address' : 'New address'}</h3>
      <FormError message={errors.formError} details={errors.otherErrors} />
      <TextField label="Label" name="label" value={label} onValue={setLabel} optional placeholder="Home, Office…" error={errors.fieldError('label')} />
      <TextField label="Address line 1" name="line1" value={line1} onValue={setLine1} autoComplete="address-line1" required error={errors.fieldError('line1')} />
      <TextField label="Address line 2" name="line2" value={line2} onValue={setLine2} autoComplete="address-line2" optional error={errors.fieldError('line2')} />
      <div className="form__row">
        <TextField label="City" name="city" value={city} onValue={setCity} autoComplete="address-level2" required error={errors.fieldError('city')} />
        <TextField label="State" name="state" value={state} onValue={setState} autoComplete="address-level1" required error={errors.fieldError('state')} />
      </div>
      <TextField
        label="Pincode"
        name="zipCode"
        value={zipCode}
        onValue={(value) => setZipCode(value.replace(/\D/g, '').slice(0, 6))}
        inputMode="numeric"
        maxLength={6}
        autoComplete="postal-code"
        placeholder="390001"
        required
        error={errors.fieldError('zipCode')}
      />
      <CheckboxField label="Use as my default delivery address" name="isDefault" checked={isDefault} onChecked={setIsDefault} />
      <div className="form__actions">
        <SubmitButton busy={busy} busyLabel="Saving…">
          {address ? 'Save address' : 'Add address'}
        </SubmitButton>
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
