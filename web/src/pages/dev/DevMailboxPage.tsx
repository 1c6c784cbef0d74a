import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { devApi } from '../../api/dev';
import { TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { usePolling } from '../../hooks/usePolling';
import { timestampValue } from '../../lib/format';
import { MailboxItem } from './MailboxItem';

const REFRESH_MS = 3000;

export function DevMailboxPage() {
  useDocumentTitle('Dev mailbox');
  const [params, setParams] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [paused, setPaused] = useState(false);
  const filter = useDebouncedValue(email.trim(), 400);

  const urlEmail = params.get('email') ?? '';
  useEffect(() => {
    if (urlEmail !== filter) setParams(filter ? { email: filter } : {}, { replace: true });
  }, [filter, urlEmail, setParams]);

  const mailbox = usePolling((signal) => devApi.mailbox(filter || undefined, signal), filter, REFRESH_MS, !paused);
  const items = [...(mailbox.data?.items ?? [])].sort((a, b) => timestampValue(b.createdAt) - timestampValue(a.createdAt));

  let body;
  if (mailbox.loading && !mailbox.data) {
    body = <Spinner label="Opening the mailbox…" />;
  } else if (mailbox.error && !mailbox.data) {
    body = isApiError(mailbox.error, 'NotFound') ? (
      <EmptyState title="No dev mailbox here">
        <p>The dev mailbox only exists on a local deployment.</p>
      </EmptyState>
    ) : (
      <ErrorState error={mailbox.error} title="We could not open the mailbox" />
    );
  } else if (items.length === 0) {
    body = (
      <EmptyState title={filter ? `No mail for ${filter} yet` : 'The mailbox is empty'}>
        <p>Sign up or ask for a reset code; messages appear here within a few seconds.</p>
      </EmptyState>
    );
  } else {
    body = (
      <ul className="mail-list" aria-label="Messages">
        {items.map((mail) => (
          <MailboxItem key={mail.notificationId} mail={mail} />
        ))}
      </ul>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title="Dev mailbox"
        lead="Every message the local deployment sent, newest first. Handy for verification and reset codes."
      />
      <div className="panel mailbox-toolbar">
        <form className="mailbox-toolbar__form" role="search" aria-label="Filter messages" onSubmit={(event) => event.preventDefault()}>
          <TextField label="Recipient email" name="email" type="search" value={email} onValue={setEmail} placeholder="you@example.com" autoComplete="off" />
        </form>
        <div className="mailbox-toolbar__status">
          <span className={`live-dot${paused ? ' live-dot--paused' : ''}`} aria-hidden="true" />
          <span>
            {paused ? 'Paused' : 'Refreshing every 3 s'}
            {mailbox.updatedAt && <span className="muted"> · updated {new Date(mailbox.updatedAt).toLocaleTimeString('en-IN')}</span>}
          </span>
          <button type="button" className="button button--ghost button--small" onClick={() => setPaused((value) => !value)}>
            {paused ? 'Resume' : 'Pause'}
          </button>
        </div>
        {mailbox.error !== undefined && mailbox.data !== undefined && (
          <p className="muted" role="status">
            Last refresh failed; showing earlier messages.
          </p>
        )}
      </div>
      {body}
    </div>
  );
}
