import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams, type Location } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { useAuth } from '../../auth/authContext';
import { AuthCard } from '../../components/AuthCard';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { SubmitButton } from '../../components/SubmitButton';
import { useToast } from '../../components/toastContext';
import { useCountdown } from '../../hooks/useCountdown';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormErrors } from '../../hooks/useFormErrors';

const FIELDS = ['email', 'password'];

function destination(state: unknown): string {
  const from = (state as { from?: Location } | null)?.from;
  if (!from || from.pathname === '/login') return '/';
  return `${from.pathname}${from.search}${from.hash}`;
}

export function LoginPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { signIn } = useAuth();
  const { notify } = useToast();
  const errors = useFormErrors(FIELDS);
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryAt);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.clearErrors();
    setRetryAt(null);
    setBusy(true);
    try {
      const user = await signIn(email.trim(), password);
      notify(`Welcome back, ${user.name}!`);
      navigate(destination(location.state), { replace: true });
    } catch (error) {
      if (isApiError(error, 'TooManyAttempts')) {
        setRetryAt(Date.now() + (error.retryAfterSeconds ?? 60) * 1000);
      }
      errors.showError(error);
      setBusy(false);
    }
  };

  const notVerified = isApiError(errors.lastError, 'EmailNotVerified');
  const locked = isApiError(errors.lastError, 'TooManyAttempts');
  const verifyLink = `/verify?email=${encodeURIComponent(email.trim())}`;

  return (
    <AuthCard
      title="Sign in"
      lead="Welcome back to MilkRun."
      footer={
        <p>
          New here? <Link to="/signup">Create an account</Link>
        </p>
      }
    >
      <form className="form" data-testid="login-form" onSubmit={onSubmit} noValidate>
        <FormError message={errors.formError} details={errors.otherErrors}>
          {notVerified && (
            <p>
              <Link to={verifyLink}>Verify your email</Link> with the code we sent you, then sign in.
            </p>
          )}
          {locked && (
            <p className="form-error__retry">
              {secondsLeft > 0 ? `You can try again in ${secondsLeft} s.` : 'You can try again now.'}
            </p>
          )}
        </FormError>
        <TextField label="Email" name="email" type="email" value={email} onValue={setEmail} autoComplete="email" required error={errors.fieldError('email')} />
        <TextField
          label="Password"
          name="password"
          type="password"
          value={password}
          onValue={setPassword}
          autoComplete="current-password"
          required
          error={errors.fieldError('password')}
        />
        <p className="form__aside">
          <Link to={`/forgot-password${email.trim() ? `?email=${encodeURIComponent(email.trim())}` : ''}`}>Forgot password?</Link>
        </p>
        <SubmitButton busy={busy} busyLabel="Signing in…" disabled={secondsLeft > 0} className="button--block">
          Sign in
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
