import { useState, type KeyboardEvent } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/authContext';
import { CartLink } from './CartLink';
import { Logo } from './Logo';
import { useToast } from './toastContext';

function navClass({ isActive }: { isActive: boolean }): string {
  return isActive ? 'nav__link nav__link--active' : 'nav__link';
}

function MenuIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M4 7h16M4 12h16M4 17h16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The site header. A signed-in user has more links than a phone's width holds, so on narrow screens they fold into a
 * menu that the Menu button opens; it closes again on the next page, on Escape, or with the button.
 */
export function Header() {
  const { user, hasRole, signOut } = useAuth();
  const navigate = useNavigate();
  const { notify } = useToast();
  const { pathname } = useLocation();
  // Remembering where the menu was opened closes it by itself when a link leads to another page.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === pathname;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && menuOpen) {
      setMenuOpenAt(null);
      document.getElementById('site-menu-toggle')?.focus();
    }
  };

  const onSignOut = async () => {
    await signOut();
    notify('You have signed out. See you tomorrow morning!', 'info');
    navigate('/');
  };

  return (
    <header className={`site-header${user ? ' site-header--signed-in' : ''}`} onKeyDown={onKeyDown}>
      <div className="site-header__inner container">
        <Link to="/" className="brand" aria-label="MilkRun home">
          <Logo />
          <span className="brand__name">MilkRun</span>
        </Link>

        <CartLink />

        {user && (
          <button
            type="button"
            id="site-menu-toggle"
            className="menu-toggle"
            data-testid="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpenAt(menuOpen ? null : pathname)}
          >
            <MenuIcon />
            <span>Menu</span>
          </button>
        )}

        <div id="site-menu" className={`site-menu${menuOpen ? ' site-menu--open' : ''}`}>
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
      </div>
    </header>
  );
}
