import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { AuthCard } from '../../components/AuthCard';
import { DevMailboxHint } from '../../components/DevMailboxHint';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PasswordChecklist } from '../../components/PasswordChecklist';
import { SubmitButton } from '../../components/SubmitButton';
import { useToast } from '../../components/toastContext';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormErrors } from '../../hooks/useFormErrors';

const FIELDS = ['email', 'code', 'newPassword'];

export function ResetPasswordPage() {
  useDocumentTitle('Set a new password');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { notify } = useToast();
  const errors = useFormErrors(FIELDS);
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.clearErrors();
    setBusy(true);
    try {
      await authApi.resetPassword(email.trim(), code.trim(), newPassword);
      notify('Password changed. Sign in with your new password.');
      navigate(`/login?email=${encodeURIComponent(email.trim())}`);
    } catch (error) {
      errors.showError(error);
      setBusy(false);
    }
  };

  return (
    <AuthCard
      title="Set a new password"
      lead="Enter the code from your email and choose a new password."
      footer={
        <p>
          No code yet? <Link to={`/forgot-password?email=${encodeURIComponent(email.trim())}`}>Send one</Link>
        </p>
      }
    >
      <form className="form" data-testid="reset-password-form" onSubmit={onSubmit} noValidate>
        <FormError message={errors.formError} details={errors.otherErrors} />
        <TextField label="Email" name="email" type="email" value={email} onValue={setEmail} autoComplete="email" required error={errors.fieldError('email')} />
        <TextField
          label="Reset code"
          name="code"
          value={code}
          onValue={(value) => setCode(value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          placeholder="123456"
          className="field--code"
          required
          error={errors.fieldError('code')}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          value={newPassword}
          onValue={setNewPassword}
          autoComplete="new-password"
          required
          aria-describedby="reset-password-rules"
          error={errors.fieldError('newPassword')}
        />
        <PasswordChecklist password={newPassword} id="reset-password-rules" />
        <SubmitButton busy={busy} busyLabel="Saving…" className="button--block">
          Save new password
        </SubmitButton>
      </form>
      <DevMailboxHint email={email} />
    </AuthCard>
  );
}
