import type { BulletinView, ConferenceInput, ConferenceView } from '../../../src/api/bulletin';
import { api, queryString } from '../api/client';

export type { BulletinView, ConferenceView };

export const bulletinKeys = {
  of: (jurisdiction: string | undefined, date: string) => ['bulletin', jurisdiction, date] as const,
};

export const fetchBulletin = (jurisdiction: string, date: string) =>
  api.get<BulletinView>(`/bulletin${queryString({ jurisdiction, date })}`);
export const exportUrl = (jurisdiction: string, date: string) =>
  `/api/bulletin/export.xlsx${queryString({ jurisdiction, date })}`;
export const recordConference = (body: ConferenceInput) =>
  api.post<ConferenceView>('/bulletin/conferences', body);
