import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionDetailResponse, ActionDto, ActionListResponse, ActionNoteDto, CreateActionBody, GenerateResult, UpdateActionBody } from '../../../modules/actions/contract';
import { api, query } from '../../api/client';

export interface ActionFilters {
  status?: string;
  owner?: string;
  source?: string;
  overdue?: string;
  sort?: string;
}

export const actionStatusList = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const actionSourceList = ['gap', 'dpia', 'risk', 'incident', 'exercise', 'manual'] as const;

export const useActions = (filters: ActionFilters) =>
  useQuery({ queryKey: ['actions', 'list', filters], queryFn: () => api.get<ActionListResponse>(`/api/actions${query({ ...filters })}`), placeholderData: keepPreviousData });

export const useAction = (id: string) => useQuery({ queryKey: ['actions', 'detail', id], queryFn: () => api.get<ActionDetailResponse>(`/api/actions/${id}`) });

function useInvalidate() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: ['actions'] }), client.invalidateQueries({ queryKey: ['assessment', 'overview'] })]);
}

export function useGenerate() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => api.post<GenerateResult>('/api/actions/generate'), onSuccess: () => invalidate() });
}

export function useCreateAction() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateActionBody) => api.post<ActionDetailResponse>('/api/actions', body), onSuccess: () => invalidate() });
}

export function useUpdateAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateActionBody & { id: string }) => api.patch<{ action: ActionDto }>(`/api/actions/${id}`, body),
    onSuccess: () => invalidate(),
  });
}

export function useAddNote(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: string) => api.post<{ note: ActionNoteDto }>(`/api/actions/${id}/notes`, { body }), onSuccess: () => invalidate() });
}
