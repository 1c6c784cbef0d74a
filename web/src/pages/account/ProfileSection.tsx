import { useState, type FormEvent } from 'react';
import type { UserProfile } from '../../api/types';
import { usersApi } from '../../api/users';
import { useAuth } from '../../auth/authContext';
import { RoleBadge } from '../../components/Badge';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { useToast } from '../../components/toastContext';
import { useFormErrors } from '../../hooks/useFormErrors';
import { formatDate } from '../../lib/format';
import { optionalText } from '../../lib/validation';
import { ProfileCompleteness } from './ProfileCompleteness';

const FIELDS = ['name', 'phone'];

interface ProfileSectionProps {
  profile: UserProfile;
  onSaved: (profile: UserProfile) => void;
}

export function ProfileSection({ profile, onSaved }: ProfileSectionProps) {
  const { updateUser } = useAuth();
  const { notify } = useToast();
  const errors = useFormErrors(FIELDS);
  const [name, setName] = useState(profile.name);
  const [phone, setPhone] = useState(profile.phone ?? '');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.clearErrors();
    setBusy(true);
    try {
      const saved = await usersApi.updateMe({ name: name.trim(), phone: optionalText(phone) });
      onSaved(saved);
      updateUser({ name: saved.name });
      notify('Profile saved.');
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="profile-title">
      <div className="panel__head">
        <h2 id="profile-title" className="section-title">
          Profile
        </h2>
        <RoleBadge role={profile.role} />
      </div>
      <ProfileCompleteness profile={profile} />
      <form className="form" data-testid="profile-form" onSubmit={onSubmit} noValidate>
        <FormError message={errors.formError} details={errors.otherErrors} />
        <TextField label="Name" name="name" value={name} onValue={setName} autoComplete="name" required error={errors.fieldError('name')} />
        <TextField
          label="Email"
          name="email"
          type="email"
          value={profile.email}
          readOnly
          hint={profile.emailVerified ? 'Verified · your sign-in email cannot be changed here' : 'Not verified yet'}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          value={phone}
          onValue={setPhone}
          autoComplete="tel"
          placeholder="+919876543210"
          hint="International format, e.g. +919876543210"
          error={errors.fieldError('phone')}
        />
        <div className="form__actions">
          <SubmitButton busy={busy} busyLabel="Saving…">
            Save profile
          </SubmitButton>
          {profile.createdAt !== undefined && <span className="muted">Member since {formatDate(profile.createdAt)}</span>}
        </div>
      </form>
    </section>
  );
}
