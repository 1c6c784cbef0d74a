import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { AuthCard } from '../../components/AuthCard';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { useToast } from '../../components/toastContext';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormErrors } from '../../hooks/useFormErrors';

const FIELDS = ['email'];

export function ForgotPasswordPage() {
  useDocumentTitle('Forgot password');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { notify } = useToast();
  const errors = useFormErrors(FIELDS);
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.clearErrors();
    setBusy(true);
    try {
      const answer = await authApi.forgotPassword(email.trim());
      notify(answer.message || 'If that email has an account, a reset code is on its way.');
      navigate(`/reset-password?email=${encodeURIComponent(email.trim())}`);
    } catch (error) {
      errors.showError(error);
      setBusy(false);
    }
  };

  return (
    <AuthCard
      title="Forgot your password?"
      lead="We will email you a 6-digit code to set a new one."
      footer={
        <p>
          Remembered it? <Link to="/login">Sign in</Link>
        </p>
      }
    >
      <form className="form" data-testid="forgot-password-form" onSubmit={onSubmit} noValidate>
        <FormError message={errors.formError} details={errors.otherErrors} />
        <TextField label="Email" name="email" type="email" value={email} onValue={setEmail} autoComplete="email" required error={errors.fieldError('email')} />
        <SubmitButton busy={busy} busyLabel="Sending code…" className="button--block">
          Send reset code
        </SubmitButton>
      </form>
      <p className="form__aside">
        <Link to={`/reset-password${email.trim() ? `?email=${encodeURIComponent(email.trim())}` : ''}`}>I already have a code</Link>
      </p>
    </AuthCard>
  );
}
