import type { UserProfile } from '../../api/types';
import { missingFieldsSentence } from '../../lib/profile';

type ProfileField = UserProfile['missingFields'][number];

const CHECKS: readonly ProfileField[] = ['email', 'phone', 'address'];

export function ProfileCompleteness({ profile }: { profile: UserProfile }) {
  const missing = profile.missingFields ?? [];
  const done = CHECKS.filter((field) => !missing.includes(field)).length;
  const percent = profile.isProfileComplete ? 100 : Math.round((done / CHECKS.length) * 100);

  return (
    <div className={`completeness${profile.isProfileComplete ? ' completeness--done' : ''}`}>
      <div className="completeness__row">
        <span className="completeness__label">
          {profile.isProfileComplete ? 'Your profile is complete' : 'Complete your profile to order'}
        </span>
        <span className="completeness__value">{percent}%</span>
      </div>
      <div
        className="meter"
        role="progressbar"
        aria-label="Profile completeness"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span className="meter__fill" style={{ width: `${percent}%` }} />
      </div>
      {!profile.isProfileComplete && missing.length > 0 && (
        <p className="completeness__missing" data-testid="missing-fields">
          Still missing: {missingFieldsSentence(missing)}.
        </p>
      )}
    </div>
  );
}
