import { useState } from 'react';
import { adminApi } from '../../api/admin';
import { ROLES, type AdminUser, type Role } from '../../api/types';
import { useAuth } from '../../auth/authContext';
import { SelectField, TextField } from '../../components/Field';
import { LoadMore } from '../../components/LoadMore';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { usePagedList } from '../../hooks/usePagedList';
import { AdminUserRow } from './AdminUserRow';

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

      {users.loading ? (
        <Spinner label="Loading users…" />
      ) : users.error ? (
        <ErrorState error={users.error} title="We could not load users" onRetry={users.reload} />
      ) : users.items.length === 0 ? (
        <EmptyState title="No users match" />
      ) : (
        <div className="table-wrap">
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Email verified</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.items.map((user) => (
                <AdminUserRow
                  key={user.userId}
                  user={user}
                  isSelf={user.userId === me?.userId}
                  onChanged={(saved: AdminUser) => users.replaceItem((item) => item.userId === saved.userId, saved)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={users.hasMore} loading={users.loadingMore} error={users.loadMoreError} onLoadMore={users.loadMore} />
    </div>
  );
}
