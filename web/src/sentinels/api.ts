import type { FeedReport, SentinelOverviewView, Site } from '../../../src/api/sentinels';
import { api, queryString } from '../api/client';
import { ApiError, toProblem } from '../api/problem';

export type { FeedReport, SentinelOverviewView, Site };

/** The four sentinel feeds (MON-1, MON-3, MON-5) as their routes name them. */
export type FeedPath = 'fever-visits' | 'school-reports' | 'samples' | 'ili-reports';

/** A stored row as the entry page lists it: the feed's fields, its site's name and when it was sent. */
export type FeedRow = { id: string; siteId: string; siteName: string; reportedAt: string } & Record<
  string,
  unknown
>;

export const sentinelKeys = {
  all: ['sentinels'] as const,
  sites: ['sentinels', 'sites'] as const,
  recent: (feed: FeedPath) => ['sentinels', 'recent', feed] as const,
  overview: (jurisdiction: string, days: number) => ['sentinels', 'overview', jurisdiction, days] as const,
};

export const fetchSites = () => api.get<Site[]>('/sentinels/sites');
export const fetchRecent = (feed: FeedPath) =>
  api.get<FeedRow[]>(`/sentinels/${feed}${queryString({ days: 7 })}`);
export const sendRows = (feed: FeedPath, rows: Array<Record<string, unknown>>) =>
  api.post<FeedReport>(`/sentinels/${feed}`, { rows });
export const fetchOverview = (jurisdiction: string, days: number) =>
  api.get<SentinelOverviewView>(`/sentinels/overview${queryString({ jurisdiction, days })}`);

/** Sends a sheet of a feed as multipart/form-data (field `file`). */
export async function uploadFeed(feed: FeedPath, file: File): Promise<FeedReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`/api/sentinels/${feed}/import`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!response.ok) throw new ApiError(toProblem(response.status, body, response.statusText));
  return body as FeedReport;
}
