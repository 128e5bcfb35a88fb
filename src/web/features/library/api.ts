import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DiffResponse,
  FrameworkDetailResponse,
  FrameworkListResponse,
  ImpactResponse,
  ImportResponse,
  MeasureDetailResponse,
  MeasureListResponse,
  NodeDto,
  VersionInUse,
} from '../../../modules/library/contract';
import { api, query } from '../../api/client';
import type { Language } from '../../i18n';

export const useFrameworks = () => useQuery({ queryKey: ['library', 'frameworks'], queryFn: () => api.get<FrameworkListResponse>('/api/library/frameworks') });

export const useFramework = (urn: string, version: number | undefined) =>
  useQuery({
    queryKey: ['library', 'framework', urn, version ?? 'in-use'],
    queryFn: () => api.get<FrameworkDetailResponse>(`/api/library/framework${query({ urn, version })}`),
    // A framework version never changes once published.
    staleTime: 5 * 60_000,
  });

export const useImpact = (urn: string, enabled: boolean) =>
  useQuery({ queryKey: ['library', 'impact', urn], queryFn: () => api.get<ImpactResponse>(`/api/library/framework/impact${query({ urn })}`), enabled });

export const useDiff = (urn: string, from: number, to: number, enabled: boolean) =>
  useQuery({
    queryKey: ['library', 'diff', urn, from, to],
    queryFn: () => api.get<DiffResponse>(`/api/library/framework/diff${query({ urn, from, to })}`),
    enabled,
  });

export const useMeasures = () => useQuery({ queryKey: ['library', 'measures'], queryFn: () => api.get<MeasureListResponse>('/api/library/measures') });

export const useMeasure = (urn: string) =>
  useQuery({ queryKey: ['library', 'measure', urn], queryFn: () => api.get<MeasureDetailResponse>(`/api/library/measure${query({ urn })}`) });

export function useAdoptVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { frameworkUrn: string; version: number }) => api.post<{ inUse: VersionInUse }>('/api/library/framework/adopt', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['library'] }),
  });
}

export function useImportLibrary() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { fileName?: string; content: string; dryRun: boolean }) => api.post<ImportResponse>('/api/library/import', body),
    onSuccess: (data) => {
      if (!data.dryRun) void client.invalidateQueries({ queryKey: ['library'] });
    },
  });
}

export const frameworkPath = (urn: string, version?: number) => `/kravbibliotek/rammeverk${query({ urn, versjon: version })}`;
export const measurePath = (urn: string) => `/felles-tiltak/tiltak${query({ urn })}`;
export const diffPath = (urn: string, from: number, to: number) => `/kravbibliotek/endringer${query({ urn, fra: from, til: to })}`;
export const exportUrl = (urn: string, version: number, format: 'yaml' | 'xlsx') => `/api/library/framework/export${query({ urn, version, format })}`;

/** The node's text in the reader's language when the library has it, else the library's own. */
export function nodeText(node: Pick<NodeDto, 'title' | 'summary' | 'titleEn' | 'summaryEn' | 'titleNn' | 'summaryNn' | 'refId'>, language: Language) {
  const title = (language === 'en' ? node.titleEn : language === 'nn' ? node.titleNn : null) ?? node.title;
  const summary = (language === 'en' ? node.summaryEn : language === 'nn' ? node.summaryNn : null) ?? node.summary;
  return { title: title ?? node.refId ?? '', summary };
}
