import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddEvidenceBody,
  AssessmentDto,
  ComplianceOverviewResponse,
  EvidenceDto,
  FrameworkSummaryDto,
  FrameworkViewResponse,
  MeasureDetailResponse,
  MeasureListResponse,
  OverviewResponse,
  SaveAnswerBody,
  SaveAssessmentBody,
} from '../../../modules/assessment/contract';
import { api, query } from '../../api/client';

export interface MeasureFilters {
  framework?: string;
  nsmCategory?: string;
  owner?: string;
  status?: string;
  area?: string;
  q?: string;
  sort?: string;
}

export const useMeasures = (filters: MeasureFilters) =>
  useQuery({
    queryKey: ['assessment', 'measures', filters],
    queryFn: () => api.get<MeasureListResponse>(`/api/assessment/measures${query({ ...filters })}`),
    placeholderData: keepPreviousData,
  });

export const useMeasure = (urn: string) =>
  useQuery({ queryKey: ['assessment', 'measure', urn], queryFn: () => api.get<MeasureDetailResponse>(`/api/assessment/measure${query({ urn })}`) });

export const useOverview = (enabled = true) =>
  useQuery({ queryKey: ['assessment', 'overview'], queryFn: () => api.get<OverviewResponse>('/api/assessment/overview'), enabled });

export const useCompliance = () => useQuery({ queryKey: ['compliance'], queryFn: () => api.get<ComplianceOverviewResponse>('/api/compliance') });

export const useFrameworkView = (urn: string) =>
  useQuery({ queryKey: ['compliance', 'framework', urn], queryFn: () => api.get<FrameworkViewResponse>(`/api/compliance/framework${query({ urn })}`) });

/** Everything derived from answers is stale after a save: lists, compliance, the start page, the plan. */
function useInvalidateAnswers() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['assessment'] }),
      client.invalidateQueries({ queryKey: ['compliance'] }),
      client.invalidateQueries({ queryKey: ['actions'] }),
    ]);
}

export function useSaveAssessment() {
  const invalidate = useInvalidateAnswers();
  return useMutation({
    mutationFn: (body: SaveAssessmentBody) => api.patch<{ assessment: AssessmentDto; compliance: FrameworkSummaryDto[] }>('/api/assessment/measure', body),
    onSuccess: () => invalidate(),
  });
}

export function useSaveAnswer() {
  const invalidate = useInvalidateAnswers();
  return useMutation({
    mutationFn: (body: SaveAnswerBody) => api.patch<{ version: number; values: string[] }>('/api/assessment/question', body),
    onSuccess: () => invalidate(),
  });
}

export function useAddEvidence() {
  const invalidate = useInvalidateAnswers();
  return useMutation({
    mutationFn: (body: AddEvidenceBody) => api.post<{ evidence: EvidenceDto }>('/api/assessment/evidence', body),
    onSuccess: () => invalidate(),
  });
}

export function useRemoveEvidence() {
  const invalidate = useInvalidateAnswers();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/assessment/evidence/${id}`), onSuccess: () => invalidate() });
}

/** A file as base64 (without the data: prefix), for the JSON upload. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export const measurePath = (urn: string) => `/egenvurdering/tiltak/${encodeURIComponent(urn)}`;
export const frameworkPath = (urn: string) => `/samsvar/${encodeURIComponent(urn)}`;
