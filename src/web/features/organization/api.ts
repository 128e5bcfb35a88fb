import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationDto, UpdateSettingsBody } from '../../../modules/organizations/contract';
import type { InvitationDto, MemberDto } from '../../../modules/users/contract';
import { api } from '../../api/client';

export interface OrganizationView {
  organization: OrganizationDto;
  policies: Record<'view' | 'editSettings' | 'viewRegistry' | 'manageRegistry', boolean>;
}

export const organizationQuery = { queryKey: ['organization'], queryFn: () => api.get<OrganizationView>('/api/organization') } as const;
export const membersQuery = { queryKey: ['members'], queryFn: () => api.get<{ members: MemberDto[]; invitations: InvitationDto[] }>('/api/members') } as const;

export const useOrganization = () => useQuery(organizationQuery);
export const useMembers = () => useQuery(membersQuery);

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSettingsBody) => api.patch<{ organization: OrganizationDto }>('/api/organization/settings', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organization'] }),
  });
}
