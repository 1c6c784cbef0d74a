import { Link, NavLink, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/authContext';
import { CartLink } from './CartLink';
import { Logo } from './Logo';
import { useToast } from './toastContext';

function navClass({ isActive }: { isActive: boolean }): string {
  return isActive ? 'nav__link nav__link--active' : 'nav__link';
}

export function Header() {
  const { user, hasRole, signOut } = useAuth();
  const navigate = useNavigate();
  const { notify } = useToast();

  const onSignOut = async () => {
    await signOut();
    notify('You have signed out. See you tomorrow morning!', 'info');
    navigate('/');
  };

  return (
    <header className="site-header">
      <div className="site-header__inner container">
        <Link to="/" className="brand" aria-label="MilkRun home">
          <Logo />
          <span className="brand__name">MilkRun</span>
        </Link>

        <nav className="nav" aria-label="Main">
          <NavLink to="/" end className={navClass}>
            Shop
          </NavLink>
          {user && (
            <NavLink to="/orders" className={navClass} data-testid="orders-link">
              My orders
            </NavLink>
          )}
          {user && (
            <NavLink to="/account" className={navClass}>
              Account
            </NavLink>
          )}
          {hasRole('Vendor') && (
            <NavLink to="/vendor" className={navClass}>
              Vendor portal
            </NavLink>
          )}
          {hasRole('Admin', 'Manager') && (
            <NavLink to="/admin" className={navClass}>
              Admin
            </NavLink>
          )}
        </nav>

        <CartLink />

        <div className="session">
          {user ? (
            <>
              <Link
                to="/account"
                className="user-chip"
                data-testid="user-menu"
                data-initial={user.name.trim().charAt(0).toUpperCase() || '?'}
                title={`${user.email} · ${user.role}`}
              >
                {user.name}
              </Link>
              <button type="button" className="button button--ghost button--small" data-testid="logout-button" onClick={onSignOut}>
                Sign out
              </button>
            </>
          ) : (
            <>
              <Link to="/login" className="button button--ghost button--small">
                Sign in
              </Link>
              <Link to="/signup" className="button button--primary button--small">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
