import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { useDemoMode } from '../hooks/useDemoMode';
import { DemoBanner } from './DemoBanner';
import { Footer } from './Footer';
import { Header } from './Header';

export function Layout() {
  const { pathname } = useLocation();
  const demoMode = useDemoMode();

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <div className="app" data-demo-mode={demoMode}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {demoMode === 'on' && <DemoBanner />}
      <Header />
      <main id="main" className="site-main container" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}
