import type { ReactNode } from 'react';

interface AuthCardProps {
  title: string;
  lead?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}

export function AuthCard({ title, lead, footer, children }: AuthCardProps) {
  return (
    <section className="auth">
      <div className="auth__card panel">
        <h1 className="auth__title">{title}</h1>
        {lead && <p className="auth__lead">{lead}</p>}
        {children}
      </div>
      {footer && <div className="auth__footer">{footer}</div>}
    </section>
  );
}
