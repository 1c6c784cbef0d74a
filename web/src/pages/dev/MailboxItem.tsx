import type { MailboxItem as Mail } from '../../api/types';
import { Badge } from '../../components/Badge';
import { formatDateTime, isoString } from '../../lib/format';

const CODE_PATTERN = /(?<!\d)(\d{6})(?!\d)/;

export function extractCode(body: string): string | undefined {
  return CODE_PATTERN.exec(body)?.[1];
}

export function MailboxItem({ mail }: { mail: Mail }) {
  const code = extractCode(mail.body ?? '');
  return (
    <li className="mail" data-testid="mailbox-item" data-notification-id={mail.notificationId}>
      <div className="mail__head">
        <h2 className="mail__subject">{mail.subject}</h2>
        {mail.kind && <Badge tone="info">{mail.kind}</Badge>}
      </div>
      <p className="mail__meta">
        <span>
          To <strong data-testid="mailbox-to">{mail.to}</strong>
        </span>
        <time dateTime={isoString(mail.createdAt)}>{formatDateTime(mail.createdAt)}</time>
      </p>
      {code && (
        <div className="mail__code-box">
          <span className="mail__code-label">Code</span>
          <span className="mail__code" data-testid="mailbox-code">
            {code}
          </span>
        </div>
      )}
      <p className="mail__body">{mail.body}</p>
    </li>
  );
}
