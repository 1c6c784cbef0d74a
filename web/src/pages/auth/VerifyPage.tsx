import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { AuthCard } from '../../components/AuthCard';
import { DevMailboxHint } from '../../components/DevMailboxHint';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { useToast } from '../../components/toastContext';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormErrors } from '../../hooks/useFormErrors';

const FIELDS = ['email', 'code'];

export function VerifyPage() {
  useDocumentTitle('Verify your email');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { notify } = useToast();
  const errors = useFormErrors(FIELDS);
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [resending, setResending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.clearErrors();
    setBusy(true);
    try {
      await authApi.verify(email.trim(), code.trim());
      notify('Email verified. Sign in to start ordering.');
      navigate(`/login?email=${encodeURIComponent(email.trim())}`);
    } catch (error) {
      errors.showError(error);
      setBusy(false);
    }
  };

  const onResend = async () => {
    errors.clearErrors();
    setResending(true);
    try {
      const answer = await authApi.resendCode(email.trim());
      notify(answer.message || 'We sent you a new code.');
    } catch (error) {
      errors.showError(error);
    } finally {
      setResending(false);
    }
  };

  return (
    <AuthCard
      title="Verify your email"
      lead="Enter the 6-digit code we sent to your email."
      footer={
        <p>
          Already verified? <Link to={`/login?email=${encodeURIComponent(email.trim())}`}>Sign in</Link>
        </p>
      }
    >
      <form className="form" data-testid="verify-form" onSubmit={onSubmit} noValidate>
        <FormError message={errors.formError} details={errors.otherErrors} />
        <TextField label="Email" name="email" type="email" value={email} onValue={setEmail} autoComplete="email" required error={errors.fieldError('email')} />
        <TextField
          label="Verification code"
          name="code"
          value={code}
          onValue={(value) => setCode(value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          placeholder="123456"
          className="field--code"
          required
          error={errors.fieldError('code')}
        />
        <SubmitButton busy={busy} busyLabel="Verifying…" className="button--block">
          Verify email
        </SubmitButton>
        <button type="button" className="button button--ghost button--block" onClick={onResend} disabled={resending || !email.trim()}>
          {resending ? 'Sending…' : 'Resend code'}
        </button>
      </form>
      <DevMailboxHint email={email} />
    </AuthCard>
  );
}
