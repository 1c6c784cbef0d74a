import { Link } from 'react-router-dom';

export function Footer() {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p className="site-footer__tagline">
          <strong>MilkRun</strong> · Fresh milk, curd and paneer from local dairies, at your door tomorrow morning.
        </p>
        <nav className="site-footer__links" aria-label="Footer">
          <Link to="/">Shop</Link>
          <Link to="/dev/mailbox">Dev mailbox</Link>
        </nav>
      </div>
    </footer>
  );
}
