import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdoptBody,
  CatalogueTemplateDto,
  CoverageDto,
  CreateEntryBody,
  EntryDetailDto,
  EntrySummaryDto,
  ProposalDetailDto,
  ProposalDto,
  PublishTemplateBody,
  Resolution,
  ServiceAreaDto,
  TemplateContent,
  TemplateSummaryDto,
  UncertainNote,
  UpdateEntryBody,
} from '../../../modules/processing/contract';
import type { PrivacyNotice } from '../../../modules/processing/outputs/privacy-notice';
import { api, query } from '../../api/client';

export type Policies = Record<'view' | 'edit' | 'viewTemplates' | 'publishTemplates', boolean>;
export type MeasureTitles = Record<string, { code: string; title: string }>;

export interface RecordView {
  entries: EntrySummaryDto[];
  coverage: CoverageDto;
  serviceAreas: ServiceAreaDto[];
  documentLanguage: 'nb' | 'nn' | 'en';
  policies: Policies;
}

export interface EntryView {
  entry: EntryDetailDto;
  measures: MeasureTitles;
  policies?: Policies;
}

export interface NationalTemplate extends TemplateSummaryDto {
  content: TemplateContent;
  uncertain: UncertainNote[];
  changeNote: string | null;
}

const keys = {
  record: ['processing', 'record'] as const,
  entry: (id: string) => ['processing', 'entry', id] as const,
  proposals: ['processing', 'proposals'] as const,
};

export const useRecord = (serviceArea: string) =>
  useQuery({
    queryKey: [...keys.record, serviceArea],
    queryFn: () => api.get<RecordView>(`/api/processing/record${query({ serviceArea })}`),
    placeholderData: keepPreviousData,
  });

export const useCatalogue = (serviceArea: string) =>
  useQuery({
    queryKey: ['processing', 'catalogue', serviceArea],
    queryFn: () => api.get<{ serviceAreas: ServiceAreaDto[]; templates: CatalogueTemplateDto[]; measures: MeasureTitles }>(`/api/processing/catalogue${query({ serviceArea })}`),
    placeholderData: keepPreviousData,
  });

export const useEntry = (id: string) => useQuery({ queryKey: keys.entry(id), queryFn: () => api.get<EntryView>(`/api/processing/entries/${id}`) });

export const useLinkOptions = () =>
  useQuery({
    queryKey: ['processing', 'link-options'],
    queryFn: () =>
      api.get<{ systems: { id: string; name: string; purpose: string | null }[]; vendors: { id: string; name: string; organizationNumber: string | null }[] }>('/api/processing/link-options'),
  });

export const useProposals = () => useQuery({ queryKey: keys.proposals, queryFn: () => api.get<{ proposals: ProposalDto[]; policies: Policies }>('/api/processing/proposals') });

export const useProposal = (id: string) =>
  useQuery({ queryKey: ['processing', 'proposal', id], queryFn: () => api.get<{ proposal: ProposalDetailDto; measures: MeasureTitles; policies: Policies }>(`/api/processing/proposals/${id}`) });

export const useNotice = (language: string) =>
  useQuery({
    queryKey: ['processing', 'notice', language],
    queryFn: () => api.get<{ notice: PrivacyNotice; defaultLanguage: 'nb' | 'nn' }>(`/api/processing/outputs/privacy-notice${query({ language })}`),
    placeholderData: keepPreviousData,
  });

export const useNationalTemplates = () =>
  useQuery({ queryKey: ['processing', 'national'], queryFn: () => api.get<{ templates: TemplateSummaryDto[]; serviceAreas: ServiceAreaDto[]; policies: Policies }>('/api/processing/national/templates') });

export const useNationalTemplate = (slug: string) =>
  useQuery({
    queryKey: ['processing', 'national', slug],
    queryFn: () =>
      api.get<{
        template: NationalTemplate;
        history: { version: number; origin: string; changeNote: string | null; publishedAt: string }[];
        serviceAreas: ServiceAreaDto[];
        measures: MeasureTitles;
        policies: Policies;
      }>(`/api/processing/national/templates/${slug}`),
  });

function useInvalidateProcessing() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['processing'] });
}

export function useAdopt() {
  const invalidate = useInvalidateProcessing();
  return useMutation({
    mutationFn: (body: AdoptBody) => api.post<{ created: { id: string; templateUrn: string }[]; skipped: string[] }>('/api/processing/entries/adopt', body),
    onSuccess: invalidate,
  });
}

export function useCreateEntry() {
  const invalidate = useInvalidateProcessing();
  return useMutation({ mutationFn: (body: CreateEntryBody) => api.post<EntryView>('/api/processing/entries', body), onSuccess: invalidate });
}

export function useUpdateEntry(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEntryBody) => api.patch<EntryView>(`/api/processing/entries/${id}`, body),
    onSuccess: (data) => {
      client.setQueryData(keys.entry(id), (old: EntryView | undefined) => ({ ...old, ...data }));
      void client.invalidateQueries({ queryKey: keys.record });
    },
  });
}

export function useDeleteEntry(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.delete(`/api/processing/entries/${id}${query({ version })}`),
    onSuccess: () => {
      client.removeQueries({ queryKey: keys.entry(id) });
      void client.invalidateQueries({ queryKey: keys.record });
    },
  });
}

export function useDecideProposal(id: string) {
  const invalidate = useInvalidateProcessing();
  const accept = useMutation({
    mutationFn: (body: { entryVersion: number; resolutions: Record<string, Resolution> }) => api.post<{ entryId: string }>(`/api/processing/proposals/${id}/accept`, body),
    onSuccess: invalidate,
  });
  const decline = useMutation({ mutationFn: (note: string | null) => api.post(`/api/processing/proposals/${id}/decline`, { note }), onSuccess: invalidate });
  return { accept, decline };
}

export function usePublishTemplate(slug: string) {
  const invalidate = useInvalidateProcessing();
  return useMutation({
    mutationFn: (body: PublishTemplateBody) => api.post<{ version: number; proposals: number }>(`/api/processing/national/templates/${slug}/versions`, body),
    onSuccess: invalidate,
  });
}
