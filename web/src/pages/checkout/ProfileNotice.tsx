import { Link } from 'react-router-dom';
import { missingFieldsSentence } from '../../lib/profile';

/** Orders need a phone, an email and an address; this says which are missing and where to add them. */
export function ProfileNotice({ missingFields }: { missingFields: readonly string[] }) {
  return (
    <div className="banner banner--warning" role="status" data-testid="profile-incomplete">
      <strong>Complete your profile to order.</strong>{' '}
      {missingFields.length > 0 ? `Still missing: ${missingFieldsSentence(missingFields)}. ` : ''}
      <Link to="/account">Go to your account</Link>
    </div>
  );
}
