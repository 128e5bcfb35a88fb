import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeDto } from '../../modules/auth/contract';
import { api, setCsrfToken } from './client';

export type Me = MeDto;

export interface AuthStatus {
  state: 'anonymous' | 'mfa_required' | 'mfa_enrolment' | 'active';
  csrfToken: string | null;
  oidc: { enabled: boolean; label: string | null };
  demo: boolean;
}

export function useAuthStatus() {
  return useQuery({
    queryKey: ['auth-status'],
    queryFn: async () => {
      const status = await api.get<AuthStatus>('/api/auth/status');
      setCsrfToken(status.csrfToken);
      return status;
    },
    staleTime: 0,
  });
}

export const meQuery = {
  queryKey: ['me'],
  queryFn: async () => {
    const me = await api.get<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: 30_000,
  retry: false,
} as const;

/** The signed-in person, their active organisation, roles and policies (what they may do). */
export function useMe(enabled = true) {
  return useQuery({ ...meQuery, enabled });
}

/** After login, logout or switching organisation, everything cached belongs to someone else. */
export function useResetSession() {
  const client = useQueryClient();
  return async () => {
    client.removeQueries();
    await client.invalidateQueries();
  };
}
