import { useState } from 'react';
import { adminApi } from '../../api/admin';
import { errorMessage } from '../../api/client';
import { ROLES, type AdminUser, type Role } from '../../api/types';
import { Badge } from '../../components/Badge';
import { useToast } from '../../components/toastContext';

interface AdminUserRowProps {
  user: AdminUser;
  isSelf: boolean;
  onChanged: (user: AdminUser) => void;
}

export function AdminUserRow({ user, isSelf, onChanged }: AdminUserRowProps) {
  const { notify } = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const disabled = user.disabled;
  const selectId = `role-${user.userId}`;

  const run = async (action: () => Promise<AdminUser>, message: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await action();
      onChanged(saved);
      notify(message);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const onRole = (role: Role) =>
    run(() => adminApi.setRole(user.userId, role), `${user.name} is now ${role}.`);

  const onToggle = () =>
    disabled
      ? run(() => adminApi.enableUser(user.userId), `${user.name} is enabled.`)
      : run(() => adminApi.disableUser(user.userId), `${user.name} is disabled.`);

  return (
    <tr data-testid="admin-user-row" data-user-id={user.userId}>
      <td data-label="Name" className="cell-strong">
        {user.name}
        {isSelf && <span className="muted"> (you)</span>}
        {error && (
          <p className="cell-error" role="alert">
            {error}
          </p>
        )}
      </td>
      <td data-label="Email" className="cell-wrap">
        {user.email}
      </td>
      <td data-label="Role">
        <label className="visually-hidden" htmlFor={selectId}>
          Role of {user.name}
        </label>
        <select
          id={selectId}
          name="role"
          className="input input--compact input--select"
          value={user.role}
          disabled={busy || isSelf}
          onChange={(event) => onRole(event.target.value as Role)}
          data-testid="role-select"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role === 'DeliveryAgent' ? 'Delivery agent' : role}
            </option>
          ))}
        </select>
      </td>
      <td data-label="Email verified">
        {user.emailVerified === undefined ? '—' : user.emailVerified ? <Badge tone="success">Verified</Badge> : <Badge>Unverified</Badge>}
      </td>
      <td data-label="Status">{disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</td>
      <td data-label="">
        <button
          type="button"
          className={`button button--small${disabled ? '' : ' button--danger-ghost'}`}
          onClick={onToggle}
          disabled={busy || isSelf}
          data-testid={disabled ? 'enable-user' : 'disable-user'}
        >
          {disabled ? 'Enable' : 'Disable'}
        </button>
      </td>
    </tr>
  );
}
