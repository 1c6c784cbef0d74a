import { useCallback } from 'react';
import { usersApi } from '../../api/users';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Spinner } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { AddressesSection } from './AddressesSection';
import { NotificationsSection } from './NotificationsSection';
import { ProfileSection } from './ProfileSection';

export function AccountPage() {
  useDocumentTitle('Your account');
  const profile = useAsync(() => usersApi.me(), []);
  const { setData } = profile;

  const refreshProfile = useCallback(() => {
    usersApi.me().then(setData, () => undefined);
  }, [setData]);

  return (
    <div className="page">
      <PageHeader title="Your account" lead="Your details, delivery addresses and messages." />
      {profile.loading && !profile.data ? (
        <Spinner label="Loading your profile…" />
      ) : profile.error || !profile.data ? (
        <ErrorState error={profile.error} title="We could not load your profile" onRetry={profile.reload} />
      ) : (
        <div className="account-grid">
          <ProfileSection key={profile.data.userId} profile={profile.data} onSaved={setData} />
          <AddressesSection onChanged={refreshProfile} />
          <div className="account-grid__wide">
            <NotificationsSection />
          </div>
        </div>
      )}
    </div>
  );
}
