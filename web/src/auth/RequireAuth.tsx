import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { Role } from '../api/types';
import { useAuth } from './authContext';

interface RequireAuthProps {
  roles?: Role[];
  children: ReactNode;
}

/** Sends signed-out visitors to the login page and explains when the role does not fit. */
export function RequireAuth({ roles, children }: RequireAuthProps) {
  const { user, hasRole } = useAuth();
  const location = useLocation();

  if (!user) return <Navigate to="/login" replace state={{ from: location }} />;

  if (roles && !hasRole(...roles)) {
    return (
      <section className="page narrow">
        <div className="panel state state--error">
          <h1 className="state__title">This page is not for your account</h1>
          <p>
            It is open to {roles.join(' and ')} accounts; you are signed in as a {user.role}.
          </p>
          <Link className="button" to="/">
            Back to the shop
          </Link>
        </div>
      </section>
    );
  }

  return <>{children}</>;
}
