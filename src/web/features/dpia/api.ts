import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Criteria, Scales } from '../../../modules/dpia/content';
import type { DpiaDetailDto, DpiaSummaryDto, ProposalDto, ScreeningBody, ScreeningDto, TemplateDetailDto, TemplateSummaryDto, PublishBody, SaveBody, LevelsBody } from '../../../modules/dpia/contract';
import { api, query } from '../../api/client';

export type DpiaPolicies = Record<'view' | 'edit' | 'review' | 'approve' | 'viewTemplates' | 'publishTemplates', boolean>;
export interface DpiaPage extends DpiaDetailDto {
  options: { systems: { id: string; name: string }[]; people: { id: string; name: string }[]; measures: { urn: string; code: string; title: string }[] };
  policies: DpiaPolicies;
}

export const useDpiaList = () =>
  useQuery({
    queryKey: ['dpia', 'list'],
    queryFn: () => api.get<{ dpias: DpiaSummaryDto[]; screenings: ScreeningDto[]; entries: { id: string; name: string }[]; policies: DpiaPolicies }>('/api/dpia'),
  });

export const useCatalogue = () => useQuery({ queryKey: ['dpia', 'catalogue'], queryFn: () => api.get<{ templates: TemplateSummaryDto[]; criteria: Criteria; scales: Scales }>('/api/dpia/catalogue') });

export const useScreening = (entryId: string, fromTemplate: string) =>
  useQuery({
    queryKey: ['dpia', 'screening', entryId, fromTemplate],
    queryFn: () =>
      api.get<{ screening: ScreeningDto | null; suggestion: { templateUrn: string; criteria: ScreeningDto['criteria']; listHits: string[] } | null; criteria: Criteria; policies: DpiaPolicies }>(
        `/api/dpia/screenings/${entryId}${query({ fromTemplate: fromTemplate || undefined })}`,
      ),
  });

export const useDpia = (id: string, version: string | null) =>
  useQuery({ queryKey: ['dpia', 'detail', id, version], queryFn: () => api.get<DpiaPage>(`/api/dpia/dpias/${id}${query({ version: version ?? undefined })}`) });

export const useProposals = () => useQuery({ queryKey: ['dpia', 'proposals'], queryFn: () => api.get<{ proposals: ProposalDto[]; policies: DpiaPolicies }>('/api/dpia/proposals') });

export const useNationalTemplates = () => useQuery({ queryKey: ['dpia', 'national'], queryFn: () => api.get<{ templates: TemplateSummaryDto[]; policies: DpiaPolicies }>('/api/dpia/national/templates') });
export const useNationalTemplate = (slug: string) =>
  useQuery({ queryKey: ['dpia', 'national', slug], queryFn: () => api.get<{ template: TemplateDetailDto; policies: DpiaPolicies }>(`/api/dpia/national/templates/${slug}`) });

function useDpiaMutation<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['dpia'] }) });
}

export const useSaveScreening = (entryId: string) => useDpiaMutation((body: ScreeningBody) => api.put<{ screening: ScreeningDto }>(`/api/dpia/screenings/${entryId}`, body));
export const useStartDpia = () => useDpiaMutation((body: { entryId: string; templateSlug: string | null; title: string }) => api.post<DpiaDetailDto>('/api/dpia/dpias', body));
export const useSaveDpia = (id: string) => useDpiaMutation((body: SaveBody) => api.patch<DpiaDetailDto>(`/api/dpia/dpias/${id}`, body));
export const useRiskLevels = (id: string, riskId: string) =>
  useDpiaMutation((body: LevelsBody) => api.put<DpiaDetailDto>(`/api/dpia/dpias/${id}/risks/${encodeURIComponent(riskId)}/levels`, body));
/** Removes one of the municipality's own risks or measures (a new version). */
export const useRemoveAdded = (id: string, kind: 'risks' | 'measures', itemId: string) =>
  useDpiaMutation((version: number) => api.delete<DpiaDetailDto>(`/api/dpia/dpias/${id}/${kind}/${encodeURIComponent(itemId)}${query({ version: String(version) })}`));
export const useSubmitDpia = (id: string) => useDpiaMutation((body: { version: number }) => api.post<DpiaDetailDto>(`/api/dpia/dpias/${id}/submit`, body));
export const useOpinion = (id: string) =>
  useDpiaMutation((body: { version: number; decision: 'forward' | 'return'; opinion: string }) => api.post<DpiaDetailDto>(`/api/dpia/dpias/${id}/opinion`, body));
export const useApprove = (id: string) =>
  useDpiaMutation((body: { version: number; decision: 'approved' | 'approved_with_conditions'; note?: string }) => api.post<DpiaDetailDto>(`/api/dpia/dpias/${id}/approve`, body));
export const useDecide = () =>
  useDpiaMutation(({ id, accept }: { id: string; accept: boolean }) => (accept ? api.post(`/api/dpia/proposals/${id}/accept`) : api.post(`/api/dpia/proposals/${id}/decline`, {})));
export const usePublish = (slug: string) => useDpiaMutation((body: PublishBody) => api.post<{ version: number; proposals: number }>(`/api/dpia/national/templates/${slug}/versions`, body));
