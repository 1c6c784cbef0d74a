import { REFRESH_IN_COOKIE, apiRequest } from './client';
import type { LoginResponse, MessageResponse, RegisterRequest, RegisterResponse } from './types';

export const authApi = {
  register: (body: RegisterRequest) =>
    apiRequest<RegisterResponse>('/auth/register', { method: 'POST', body }),
  verify: (email: string, code: string) =>
    apiRequest<MessageResponse>('/auth/verify', { method: 'POST', body: { email, code } }),
  resendCode: (email: string) =>
    apiRequest<MessageResponse>('/auth/resend-code', { method: 'POST', body: { email } }),
  /** Signs in; the refresh token comes back in an HttpOnly cookie, out of reach of page scripts. */
  login: (email: string, password: string) =>
    apiRequest<LoginResponse>('/auth/login', {
      method: 'POST',
      body: { email, password },
      headers: REFRESH_IN_COOKIE,
    }),
  forgotPassword: (email: string) =>
    apiRequest<MessageResponse>('/auth/forgot-password', { method: 'POST', body: { email } }),
  resetPassword: (email: string, code: string, newPassword: string) =>
    apiRequest<MessageResponse>('/auth/reset-password', {
      method: 'POST',
      body: { email, code, newPassword },
    }),
  /** Ends the sign-in whose refresh token is in the cookie, and removes the cookie. */
  logout: () =>
    apiRequest<MessageResponse>('/auth/logout', { method: 'POST', body: {}, headers: REFRESH_IN_COOKIE }),
};
