import { apiRequest } from './client';
import type { LoginResponse, MessageResponse, RegisterRequest, RegisterResponse } from './types';

export const authApi = {
  register: (body: RegisterRequest) =>
    apiRequest<RegisterResponse>('/auth/register', { method: 'POST', body }),
  verify: (email: string, code: string) =>
    apiRequest<MessageResponse>('/auth/verify', { method: 'POST', body: { email, code } }),
  resendCode: (email: string) =>
    apiRequest<MessageResponse>('/auth/resend-code', { method: 'POST', body: { email } }),
  login: (email: string, password: string) =>
    apiRequest<LoginResponse>('/auth/login', { method: 'POST', body: { email, password } }),
  forgotPassword: (email: string) =>
    apiRequest<MessageResponse>('/auth/forgot-password', { method: 'POST', body: { email } }),
  resetPassword: (email: string, code: string, newPassword: string) =>
    apiRequest<MessageResponse>('/auth/reset-password', {
      method: 'POST',
      body: { email, code, newPassword },
    }),
  logout: (refreshToken: string) =>
    apiRequest<MessageResponse>('/auth/logout', { method: 'POST', body: { refreshToken } }),
};
