import { PASSWORD_RULES } from '../lib/password';

export function PasswordChecklist({ password, id }: { password: string; id?: string }) {
  return (
    <ul className="checklist" id={id} aria-label="Password requirements">
      {PASSWORD_RULES.map((rule) => {
        const met = rule.test(password);
        return (
          <li key={rule.id} className={met ? 'checklist__item checklist__item--met' : 'checklist__item'}>
            <span className="checklist__mark" aria-hidden="true">
              {met ? '✓' : '•'}
            </span>
            {rule.label}
            <span className="visually-hidden">{met ? ' (met)' : ' (not yet)'}</span>
          </li>
        );
      })}
    </ul>
  );
}
