import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <section className="not-found">
      <img src="/images/other.svg" alt="" width="240" height="180" />
      <h1>This page has gone sour</h1>
      <p className="muted">We could not find what you were looking for. It may have moved, or the link is mistyped.</p>
      <Link className="button button--primary" to="/">
        Back to the shop
      </Link>
    </section>
  );
}
