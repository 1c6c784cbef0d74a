import { useState, type FormEvent } from 'react';
import type { VendorBackOffice } from '../../api/types';
import { vendorApi } from '../../api/vendor';
import { TextAreaField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { useFormErrors } from '../../hooks/useFormErrors';
import { optionalText, parsePincodes } from '../../lib/validation';

const FIELDS = ['name', 'description', 'contactEmail', 'contactPhone', 'pincodes'];

interface VendorProfileFormProps {
  vendor?: VendorBackOffice;
  onSaved: (vendor: VendorBackOffice) => void;
  onCancel?: () => void;
}

export function VendorProfileForm({ vendor, onSaved, onCancel }: VendorProfileFormProps) {
  const errors = useFormErrors(FIELDS);
  const [name, setName] = useState(vendor?.name ?? '');
  const [description, setDescription] = useState(vendor?.description ?? '');
  const [contactEmail, setContactEmail] = useState(vendor?.contactEmail ?? '');
  const [contactPhone, setContactPhone] = useState(vendor?.contactPhone ?? '');
  const [pincodes, setPincodes] = useState(vendor?.pincodes?.join(', ') ?? '');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.clearErrors();
    setBusy(true);
    try {
      const saved = await vendorApi.saveProfile({
        name: name.trim(),
        description: optionalText(description),
        contactEmail: contactEmail.trim(),
        contactPhone: contactPhone.trim(),
        pincodes: parsePincodes(pincodes),
      });
      setBusy(false);
      onSaved(saved);
    } catch (error) {
      errors.showError(error);
      setBusy(false);
    }
  };

  return (
    <form className="form" data-testid="vendor-profile-form" onSubmit={onSubmit} noValidate>
      <FormError message={errors.formError} details={errors.otherErrors} />
      <TextField label="Dairy name" name="name" value={name} onValue={setName} required error={errors.fieldError('name')} />
      <TextAreaField
        label="Description"
        name="description"
        value={description}
        onValue={setDescription}
        optional
        rows={3}
        placeholder="What makes your milk special?"
        error={errors.fieldError('description')}
      />
      <div className="form__row">
        <TextField label="Contact email" name="contactEmail" type="email" value={contactEmail} onValue={setContactEmail} required error={errors.fieldError('contactEmail')} />
        <TextField
          label="Contact phone"
          name="contactPhone"
          type="tel"
          value={contactPhone}
          onValue={setContactPhone}
          placeholder="+919876543210"
          required
          error={errors.fieldError('contactPhone')}
        />
      </div>
      <TextField
        label="Delivery pincodes"
        name="pincodes"
        value={pincodes}
        onValue={setPincodes}
        placeholder="390001, 390002"
        hint="6-digit pincodes you deliver to, separated by commas"
        required
        error={errors.fieldError('pincodes')}
      />
      <div className="form__actions">
        <SubmitButton busy={busy} busyLabel="Saving…">
          {vendor ? 'Save dairy profile' : 'Create dairy profile'}
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
