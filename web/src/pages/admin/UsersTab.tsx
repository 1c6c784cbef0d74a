import { useState } from 'react';
import { adminApi } from '../../api/admin';
import { ROLES, type AdminUser, type Role } from '../../api/types';
import { useAuth } from '../../auth/authContext';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState } from '../../components/States';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { usePagedList } from '../../hooks/usePagedList';
import { AdminUserRow } from './AdminUserRow';
import { AdminTable } from './AdminTable';

export function UsersTab() {
  const { user: me } = useAuth();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const query = useDebouncedValue(q.trim(), 350);
  const users = usePagedList((nextToken) => adminApi.users({ q: query, role }, nextToken), [query, role]);

  return (
    <div className="admin-section">
      <form className="filters filters--inline" role="search" aria-label="Find users" onSubmit={(event) => event.preventDefault()}>
        <TextField label="Search users" name="q" type="search" value={q} onValue={setQ} placeholder="Name or email" autoComplete="off" />
        <SelectField label="Role" name="role" value={role} onValue={(value) => setRole(value as Role | '')}>
          <option value="">All roles</option>
          {ROLES.map((item) => (
            <option key={item} value={item}>
              {item === 'DeliveryAgent' ? 'Delivery agent' : item}
            </option>
          ))}
        </SelectField>
      </form>

      <AdminTable
        list={users}
        noun="users"
        empty={<EmptyState title="No users match" />}
        columns={['Name', 'Email', 'Role', 'Email verified', 'Status']}
        actions
        row={(user) => (
          <AdminUserRow
            key={user.userId}
            user={user}
            isSelf={user.userId === me?.userId}
            onChanged={(saved: AdminUser) => users.replaceItem((item) => item.userId === saved.userId, saved)}
          />
        )}
      />
    </div>
  );
}
