import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LocalDetailsDto, QuestionnaireDto, QuestionnaireSummaryDto, VendorDetailDto, VendorListItemDto } from '../../../modules/vendors/contract';
import type { HistoryEntryDto } from '../../../modules/vendors/history';
import type { NotificationDto } from '../../../modules/vendors/notification-service';
import type { VendorUsageDto } from '../../../modules/vendors/usage';
import { api } from '../../api/client';

export interface VendorPolicies {
  view: boolean;
  manage: boolean;
  viewUsage: boolean;
  editLocal: boolean;
}

export interface VendorView {
  vendor: VendorDetailDto;
  local: LocalDetailsDto | null;
  systems: { id: string; name: string; productId: string | null }[];
  questionnaires: QuestionnaireSummaryDto[];
  policies: VendorPolicies;
}

export interface VendorListPage {
  total: number;
  items: VendorListItemDto[];
  page: number;
  pageSize: number;
  policies: VendorPolicies;
}

export const useVendor = (id: string) => useQuery({ queryKey: ['vendors', 'one', id], queryFn: () => api.get<VendorView>(`/api/vendors/${id}`) });

export const useVendorHistory = (id: string, enabled: boolean) =>
  useQuery({ queryKey: ['vendors', 'history', id], queryFn: () => api.get<{ items: HistoryEntryDto[]; hasMore: boolean }>(`/api/vendors/${id}/history`), enabled });

export const useUsage = () => useQuery({ queryKey: ['vendors', 'usage'], queryFn: () => api.get<{ minOrganizations: number; items: VendorUsageDto[] }>('/api/vendors/usage') });

export const useAwaitingReview = (enabled: boolean) =>
  useQuery({ queryKey: ['vendors', 'awaiting'], queryFn: () => api.get<{ items: QuestionnaireSummaryDto[] }>('/api/vendor-questionnaires/awaiting-review'), enabled });

export const useQuestionnaireForReview = (vendorId: string, id: string) =>
  useQuery({ queryKey: ['vendors', 'questionnaire', id], queryFn: () => api.get<{ questionnaire: QuestionnaireDto }>(`/api/vendors/${vendorId}/questionnaires/${id}`) });

/** A write to the registry, refreshing every vendor view afterwards (statuses change across pages). */
export function useVendorWrite<T = unknown>(method: 'post' | 'patch' | 'put' | 'delete', url: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body?: unknown) => (method === 'delete' ? api.delete<T>(url) : api[method]<T>(url, body)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['vendors'] });
      await client.invalidateQueries({ queryKey: ['systems'] });
      await client.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export const useNotifications = () =>
  useQuery({ queryKey: ['notifications'], queryFn: () => api.get<{ unread: number; items: NotificationDto[] }>('/api/notifications') });
