import { createContext, useContext } from 'react';
import type { Role, SessionUser } from '../api/types';

export interface AuthApi {
  user: SessionUser | null;
  signIn: (email: string, password: string) => Promise<SessionUser>;
  signOut: () => Promise<void>;
  updateUser: (patch: Partial<SessionUser>) => void;
  hasRole: (...roles: Role[]) => boolean;
}

export const AuthContext = createContext<AuthApi | null>(null);

export function useAuth(): AuthApi {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
