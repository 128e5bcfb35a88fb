import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSystemBody, SystemDto, SystemListItemDto, UpdateSystemBody } from '../../../modules/systems/contract';
import type { ImportPreviewDto } from '../../../modules/systems/import';
import type { SystemOverviewDto } from '../../../modules/systems/overview';
import { api } from '../../api/client';

export interface SystemPolicies {
  view: boolean;
  edit: boolean;
}

export const useSystems = () =>
  useQuery({ queryKey: ['systems', 'list'], queryFn: () => api.get<{ items: SystemListItemDto[]; policies: SystemPolicies }>('/api/systems') });

export const useSystemOverview = () => useQuery({ queryKey: ['systems', 'overview'], queryFn: () => api.get<SystemOverviewDto>('/api/systems/overview') });

export const useSystem = (id: string | undefined) =>
  useQuery({
    queryKey: ['systems', 'one', id],
    queryFn: () => api.get<{ system: SystemDto; policies: SystemPolicies }>(`/api/systems/${id}`),
    enabled: Boolean(id),
  });

export interface VendorOption {
  id: string;
  name: string;
  organizationNumber: string | null;
  products: { id: string; name: string }[];
}

export const useVendorOptions = () => useQuery({ queryKey: ['vendors', 'options'], queryFn: () => api.get<{ vendors: VendorOption[] }>('/api/vendors/options'), staleTime: 60_000 });

export function useSaveSystem(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSystemBody | UpdateSystemBody) =>
      id ? api.patch<{ system: SystemDto }>(`/api/systems/${id}`, body) : api.post<{ system: SystemDto }>('/api/systems', body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['systems'] });
      await client.invalidateQueries({ queryKey: ['vendors'] });
    },
  });
}

export function useDeleteSystem(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/api/systems/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['systems'] }),
  });
}

export interface UploadedFile {
  fileName: string;
  contentBase64: string;
}

export const previewImport = (file: UploadedFile) => api.post<ImportPreviewDto>('/api/systems/import/preview', file);
export const runImport = (file: UploadedFile) => api.post<{ created: number; updated: number }>('/api/systems/import', file);

/** Reads a chosen file as base64 for the JSON upload. */
export function readFileAsBase64(file: File): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result);
      resolve({ fileName: file.name, contentBase64: result.slice(result.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
