import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RiskMatrix, ThreatCatalogue } from '../../../modules/risk/content';
import type {
  AssessmentDetailResponse,
  AssessmentSummaryDto,
  CandidatesResponse,
  CreateAssessmentBody,
  MatrixResponse,
  RiskOptionsResponse,
  SaveMatrixBody,
  UpdateAssessmentBody,
  UpdateRiskBody,
} from '../../../modules/risk/contract';
import { api, query } from '../../api/client';

export interface RiskPolicies {
  view: boolean;
  edit: boolean;
  accept: boolean;
}

export const useAssessments = (systemId?: string) =>
  useQuery({
    queryKey: ['risk', 'list', systemId ?? null],
    queryFn: () => api.get<{ items: AssessmentSummaryDto[]; policies: RiskPolicies }>(`/api/risk/assessments${query({ systemId })}`),
  });

export const useRiskContent = () =>
  useQuery({ queryKey: ['risk', 'content'], queryFn: () => api.get<{ catalogue: ThreatCatalogue; matrix: RiskMatrix }>('/api/risk/content'), staleTime: Infinity });

export const useRiskMatrix = () => useQuery({ queryKey: ['risk', 'matrix'], queryFn: () => api.get<MatrixResponse>('/api/risk/matrix') });

/** Saves the municipality's matrix (or `matrix: null`: back to the national one); the answer replaces the cached one. */
export function useSaveMatrix() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveMatrixBody) => api.put<MatrixResponse>('/api/risk/matrix', body),
    onSuccess: (data) => client.setQueryData(['risk', 'matrix'], data),
  });
}

export const useRiskOptions = () => useQuery({ queryKey: ['risk', 'options'], queryFn: () => api.get<RiskOptionsResponse>('/api/risk/options') });

export const useAssessment = (id: string) => useQuery({ queryKey: ['risk', 'one', id], queryFn: () => api.get<AssessmentDetailResponse>(`/api/risk/assessments/${id}`) });

export const useCandidates = (id: string) => useQuery({ queryKey: ['risk', 'candidates', id], queryFn: () => api.get<CandidatesResponse>(`/api/risk/assessments/${id}/candidates`) });

export const createAssessment = (body: CreateAssessmentBody) => api.post<AssessmentDetailResponse>('/api/risk/assessments', body);

/** A change to one assessment; the answer is the whole assessment, which replaces the cached one. */
export function useAssessmentChange<V>(id: string, request: (vars: V) => Promise<AssessmentDetailResponse>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (data) => {
      client.setQueryData(['risk', 'one', id], data);
      await client.invalidateQueries({ queryKey: ['risk', 'candidates', id] });
      await client.invalidateQueries({ queryKey: ['risk', 'list'] });
      await client.invalidateQueries({ queryKey: ['actions'] });
    },
  });
}

const base = (id: string) => `/api/risk/assessments/${id}`;
export const riskRequests = {
  update: (id: string) => (body: UpdateAssessmentBody) => api.patch<AssessmentDetailResponse>(base(id), body),
  addRisk: (id: string) => (body: { threatUrn?: string; title?: string; description?: string | null }) => api.post<AssessmentDetailResponse>(`${base(id)}/risks`, body),
  dismiss: (id: string) => (body: { threatUrn: string; reason: string }) => api.post<AssessmentDetailResponse>(`${base(id)}/dismissals`, body),
  updateRisk: (id: string) => (vars: { riskId: string; body: UpdateRiskBody }) => api.patch<AssessmentDetailResponse>(`${base(id)}/risks/${vars.riskId}`, vars.body),
  deleteRisk: (id: string) => (riskId: string) => api.delete<AssessmentDetailResponse>(`${base(id)}/risks/${riskId}`),
  addMeasure: (id: string) => (vars: { riskId: string; title: string; measureUrn: string | null }) =>
    api.post<AssessmentDetailResponse>(`${base(id)}/risks/${vars.riskId}/measures`, { title: vars.title, measureUrn: vars.measureUrn }),
  deleteMeasure: (id: string) => (measureId: string) => api.delete<AssessmentDetailResponse>(`${base(id)}/measures/${measureId}`),
  toActionPlan: (id: string) => (measureId: string) => api.post<AssessmentDetailResponse>(`${base(id)}/measures/${measureId}/action`),
  accept: (id: string) => (note: string) => api.post<AssessmentDetailResponse>(`${base(id)}/accept`, { note: note || null }),
  revise: (id: string) => () => api.post<AssessmentDetailResponse>(`${base(id)}/revise`),
};
