import type { LandingArea, OriginDivision, Place, ReportBody, Submitted } from '../../../src/api/landing';
import { api, queryString } from '../api/client';
import { postWithChallenge } from './challenge';

/** The public landing-code API (ARR-11): no session; limited by the server, with a challenge near a limit. */
export type {
  LandingArea,
  ObligationKind,
  OriginDivision,
  Place,
  ReportBody,
  Submitted,
  Text,
} from '../../../src/api/landing';

const base = (code: string) => `/public/landing/${encodeURIComponent(code)}`;

export const fetchLandingArea = (code: string) => api.get<LandingArea>(base(code));
export const searchPlaces = (code: string, q: string) =>
  api.get<Place[]>(`${base(code)}/places${queryString({ q })}`);
export const fetchOrigins = (parent?: string) =>
  api.get<OriginDivision[]>(`/public/divisions${queryString({ parent })}`);
export const submitReport = (code: string, body: ReportBody) =>
  postWithChallenge<Submitted>(`${base(code)}/reports`, body);
