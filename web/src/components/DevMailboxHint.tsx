import { Link } from 'react-router-dom';

export function DevMailboxHint({ email }: { email: string }) {
  const target = email.trim() ? `/dev/mailbox?email=${encodeURIComponent(email.trim())}` : '/dev/mailbox';
  return (
    <p className="hint-box">
      Running locally? Your code is in the <Link to={target}>dev mailbox</Link>.
    </p>
  );
}
