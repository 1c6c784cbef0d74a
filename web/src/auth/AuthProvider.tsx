import { useCallback, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { authApi } from '../api/auth';
import { onSessionExpired } from '../api/client';
import { clearSession, getSession, saveSession, subscribeSession, updateSessionUser } from '../api/session';
import type { Role, SessionUser } from '../api/types';
import { usersApi } from '../api/users';
import { useToast } from '../components/toastContext';
import { AuthContext, type AuthApi } from './authContext';

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeSession, getSession, () => null);
  const user = session?.user ?? null;
  const navigate = useNavigate();
  const location = useLocation();
  const { notify } = useToast();

  useEffect(() => {
    onSessionExpired(() => {
      notify('Your session has ended. Please sign in again.', 'info');
      navigate('/login', { state: { from: location } });
    });
    return () => onSessionExpired(null);
  }, [navigate, location, notify]);

  const userId = user?.userId;
  useEffect(() => {
    if (!userId) return;
    usersApi.me().then(
      (me) => updateSessionUser({ name: me.name, email: me.email, role: me.role }),
      () => undefined,
    );
  }, [userId]);

  const signIn = useCallback(async (email: string, password: string) => {
    const answer = await authApi.login(email, password);
    saveSession({ idToken: answer.idToken, user: answer.user });
    return answer.user;
  }, []);

  const signOut = useCallback(async () => {
    const signedIn = getSession() !== null;
    clearSession();
    if (signedIn) await authApi.logout().catch(() => undefined);
  }, []);

  const role = user?.role;
  const hasRole = useCallback((...roles: Role[]) => Boolean(role && roles.includes(role)), [role]);

  const updateUser = useCallback((patch: Partial<SessionUser>) => updateSessionUser(patch), []);

  const api = useMemo<AuthApi>(
    () => ({ user, signIn, signOut, updateUser, hasRole }),
    [user, signIn, signOut, updateUser, hasRole],
  );

  return <AuthContext.Provider value={api}>{children}</AuthContext.Provider>;
}
