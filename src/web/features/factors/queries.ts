import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, request } from '../../api';
import type {
  TCatalogue,
  TCatalogueVersion,
  TCreateFactorInput,
  TPolicyTheme,
  TUpdateFactorInput,
} from './types';

const BASE = '/api/v1/factor-catalogues';
const at = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const policyThemesQuery = queryOptions({
  queryKey: ['factors', 'themes'],
  queryFn: () => api.get<{ items: TPolicyTheme[] }>('/api/v1/policy-themes'),
  select: (data) => data.items,
  staleTime: 5 * 60_000,
});

export const catalogueVersionsQuery = queryOptions({
  queryKey: ['factors', 'versions'],
  queryFn: () => api.get<{ items: TCatalogueVersion[] }>(BASE),
  select: (data) => [...data.items].sort((a, b) => b.version - a.version),
});

export const catalogueQuery = (id: string) =>
  queryOptions({
    queryKey: ['factors', 'catalogue', id],
    queryFn: () => api.get<TCatalogue>(at(id)),
  });

/** Every write answers with the whole catalogue: it replaces the cached one, and the version list is refreshed. */
export async function adoptCatalogue(queryClient: QueryClient, catalogue: TCatalogue): Promise<void> {
  queryClient.setQueryData(catalogueQuery(catalogue.id).queryKey, catalogue);
  await queryClient.invalidateQueries({ queryKey: catalogueVersionsQuery.queryKey });
}

/** After a 409 the cached state is wrong (published meanwhile, a draft made elsewhere): read it all again. */
export function refreshCatalogues(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['factors'] });
}

export function createDraft(): Promise<TCatalogue> {
  return api.post<TCatalogue>(`${BASE}/draft`);
}

export function addFactor(catalogueId: string, input: TCreateFactorInput): Promise<TCatalogue> {
  return api.post<TCatalogue>(`${at(catalogueId)}/factors`, input);
}

export function updateFactor(
  catalogueId: string,
  factorId: string,
  input: TUpdateFactorInput,
): Promise<TCatalogue> {
  return api.patch<TCatalogue>(`${at(catalogueId)}/factors/${encodeURIComponent(factorId)}`, input);
}

export function removeFactor(catalogueId: string, factorId: string): Promise<TCatalogue> {
  return request<TCatalogue>('DELETE', `${at(catalogueId)}/factors/${encodeURIComponent(factorId)}`);
}

export function publishCatalogue(catalogueId: string): Promise<TCatalogue> {
  return api.post<TCatalogue>(`${at(catalogueId)}/publish`);
}
