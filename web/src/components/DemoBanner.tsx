import { Link } from 'react-router-dom';

/**
 * Shown on every page while the server's development mailbox is open: anyone can then read the codes MilkRun mails
 * and sign in with the demo accounts, so nobody should mistake this server for a real shop or trust it with real data.
 */
export function DemoBanner() {
  return (
    <section className="demo-banner" aria-label="Demo mode" data-testid="demo-banner">
      <div className="demo-banner__inner container">
        <strong className="demo-banner__tag">Demo</strong>
        <p className="demo-banner__text">
          Emailed codes are readable by anyone at <Link to="/dev/mailbox">/dev/mailbox</Link> and the demo accounts
          are on: use no real details here.
        </p>
      </div>
    </section>
  );
}
