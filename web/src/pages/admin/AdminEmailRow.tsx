import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { emailsApi } from '../../api/emails';
import type { OutboundEmail } from '../../api/types';
import { EmailStatusBadge } from '../../components/Badge';
import { useToast } from '../../components/toastContext';
import { formatPreciseDateTime, isoString } from '../../lib/format';

interface AdminEmailRowProps {
  email: OutboundEmail;
  onChanged: (email: OutboundEmail) => void;
  /** The email changed under us (someone else retried it): the list should be loaded again. */
  onStale: () => void;
}

export function AdminEmailRow({ email, onChanged, onStale }: AdminEmailRowProps) {
  const { notify } = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const onRetry = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await emailsApi.retry(email.notificationId);
      onChanged({ ...email, ...saved, status: saved?.status ?? 'Pending' });
      notify(`The email to ${email.to} is queued again.`);
    } catch (failure) {
      setError(errorMessage(failure));
      if (isApiError(failure, 'NotDead') || isApiError(failure, 'NotFound')) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr data-testid="email-row" data-notification-id={email.notificationId} data-status={email.status}>
      <td data-label="Email" className="cell-strong">
        {email.subject || '(no subject)'}
        <p className="cell-sub cell-wrap">To {email.to}</p>
        {error && (
          <p className="cell-error" role="alert">
            {error}
          </p>
        )}
      </td>
      <td data-label="Status">
        <EmailStatusBadge status={email.status} />
      </td>
      <td data-label="Attempts" className="cell-number">
        {email.attempts}
      </td>
      <td data-label="Last error" className="cell-wrap">
        {email.lastError ? <span className="email-error">{email.lastError}</span> : '—'}
      </td>
      <td data-label="Updated">
        <time dateTime={isoString(email.updatedAt ?? email.createdAt)}>
          {formatPreciseDateTime(email.updatedAt ?? email.createdAt) || '—'}
        </time>
        {email.status === 'Pending' && email.nextAttemptAt && (
          <p className="cell-sub">Next try {formatPreciseDateTime(email.nextAttemptAt)}</p>
        )}
      </td>
      <td data-label="" className="cell-actions">
        {email.status === 'Dead' && (
          <button
            type="button"
            className="button button--small button--primary"
            disabled={busy}
            aria-busy={busy || undefined}
            aria-label={`Retry the email to ${email.to}`}
            onClick={onRetry}
            data-testid={`retry-email-${email.notificationId}`}
          >
            {busy ? 'Retrying…' : 'Retry'}
          </button>
        )}
      </td>
    </tr>
  );
}
