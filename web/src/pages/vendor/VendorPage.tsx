import { useState } from 'react';
import { isApiError } from '../../api/client';
import type { VendorBackOffice } from '../../api/types';
import { vendorApi } from '../../api/vendor';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Spinner } from '../../components/States';
import { useToast } from '../../components/toastContext';
import { useAsync } from '../../hooks/useAsync';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { VendorOrdersSection } from './VendorOrdersSection';
import { VendorProductsSection } from './VendorProductsSection';
import { VendorProfileCard } from './VendorProfileCard';
import { VendorProfileForm } from './VendorProfileForm';
import { VendorStatusBanner } from './VendorStatusBanner';

export function VendorPage() {
  useDocumentTitle('Vendor portal');
  const { notify } = useToast();
  const profile = useAsync(() => vendorApi.profile(), []);
  const [editing, setEditing] = useState(false);
  const vendor = profile.data;
  const missing = isApiError(profile.error, 'NotFound');

  const onSaved = (saved: VendorBackOffice) => {
    const created = !vendor;
    profile.setData(saved);
    setEditing(false);
    notify(created ? 'Dairy profile created. It is pending approval.' : 'Dairy profile saved.');
  };

  let body;
  if (profile.loading) {
    body = <Spinner label="Loading your dairy…" />;
  } else if (vendor) {
    body = (
      <>
        <VendorStatusBanner status={vendor.status} />
        <section className="panel" aria-label="Dairy profile">
          {editing ? (
            <VendorProfileForm vendor={vendor} onSaved={onSaved} onCancel={() => setEditing(false)} />
          ) : (
            <VendorProfileCard vendor={vendor} onEdit={() => setEditing(true)} />
          )}
        </section>
        <VendorOrdersSection />
        <VendorProductsSection />
      </>
    );
  } else if (missing) {
    body = (
      <section className="panel" aria-labelledby="create-vendor-title">
        <h2 id="create-vendor-title" className="section-title">
          Set up your dairy
        </h2>
        <p className="muted">
          Tell customers who you are and where you deliver. An admin approves new dairies before their products show in
          the shop.
        </p>
        <VendorProfileForm onSaved={onSaved} />
      </section>
    );
  } else {
    body = <ErrorState error={profile.error} title="We could not load your dairy" onRetry={profile.reload} />;
  }

  return (
    <div className="page">
      <PageHeader title="Vendor portal" lead="Manage your dairy, your products, tomorrow's stock and incoming orders." />
      {body}
    </div>
  );
}
