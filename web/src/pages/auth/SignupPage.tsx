import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { isApiError } from '../../api/client';
import { AuthCard } from '../../components/AuthCard';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PasswordChecklist } from '../../components/PasswordChecklist';
import { SubmitButton } from '../../components/SubmitButton';
import { useToast } from '../../components/toastContext';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormErrors } from '../../hooks/useFormErrors';
import { optionalText } from '../../lib/validation';

const FIELDS = ['name', 'email', 'phone', 'password'];

export function SignupPage() {
  useDocumentTitle('Create your account');
  const navigate = useNavigate();
  const { notify } = useToast();
  const errors = useFormErrors(FIELDS);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.clearErrors();
    setBusy(true);
    try {
      const answer = await authApi.register({
        name: name.trim(),
        email: email.trim(),
        password,
        phone: optionalText(phone),
      });
      notify('Account created. We sent a 6-digit code to your email.');
      navigate(`/verify?email=${encodeURIComponent(answer.email || email.trim())}`);
    } catch (error) {
      errors.showError(error);
      setBusy(false);
    }
  };

  const userExists = isApiError(errors.lastError, 'UserExists');

  return (
    <AuthCard
      title="Create your account"
      lead="Order fresh dairy tonight, wake up to it tomorrow."
      footer={
        <p>
          Already have an account? <Link to="/login">Sign in</Link>
        </p>
      }
    >
      <form className="form" data-testid="signup-form" onSubmit={onSubmit} noValidate>
        <FormError message={errors.formError} details={errors.otherErrors}>
          {userExists && (
            <p>
              <Link to={`/login?email=${encodeURIComponent(email.trim())}`}>Sign in instead</Link> or{' '}
              <Link to={`/verify?email=${encodeURIComponent(email.trim())}`}>verify your email</Link>.
            </p>
          )}
        </FormError>
        <TextField label="Full name" name="name" value={name} onValue={setName} autoComplete="name" required error={errors.fieldError('name')} />
        <TextField label="Email" name="email" type="email" value={email} onValue={setEmail} autoComplete="email" required error={errors.fieldError('email')} />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          value={phone}
          onValue={setPhone}
          autoComplete="tel"
          optional
          placeholder="+919876543210"
          hint="International format, e.g. +919876543210"
          error={errors.fieldError('phone')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          value={password}
          onValue={setPassword}
          autoComplete="new-password"
          required
          aria-describedby="signup-password-rules"
          error={errors.fieldError('password')}
        />
        <PasswordChecklist password={password} id="signup-password-rules" />
        <SubmitButton busy={busy} busyLabel="Creating account…" className="button--block">
          Create account
        </SubmitButton>
      </form>
    </AuthCard>
  );
}
