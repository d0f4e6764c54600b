import { api, queryString } from '../api/client';

/** The public landing-code API (ARR-11): no session, rate-limited by the server. */
export interface LandingArea {
  code: string;
  name: string;
  fullName: string;
  level: string;
}

export interface Place {
  code: string;
  name: string;
  townName: string | null;
}

export interface OriginDivision {
  code: string;
  name: string;
  leaf: boolean;
}

export interface Text {
  zh: string;
  en: string;
}

export interface Submitted {
  id: string;
  receipt: string;
  created: boolean;
  submittedAt: string;
  landing: { code: string; name: string };
  destination: { code: string; name: string };
  person: { nameMasked: string; idNumberMasked: string; phoneMasked: string };
  obligations: { matched: boolean; headline: Text; lines: Array<{ kind: string; text: Text }> };
}

/** The body of a report; optional fields are null, never "". */
export interface ReportBody {
  name: string;
  idType: string;
  idNumber: string;
  phone: string;
  origin: 'domestic' | 'overseas';
  originDivisionCode: string | null;
  originCountry: string | null;
  enteredAt: string | null;
  portIsolationDays: number | null;
  leftOriginAt: string;
  arrivedAt: string;
  destinationCode: string;
  address: string;
  homeIsolationConditions: boolean;
  negativeNatAt: string | null;
  itineraryStar: boolean;
  truckDriver: boolean;
}

const base = (code: string) => `/public/landing/${encodeURIComponent(code)}`;

export const fetchLandingArea = (code: string) => api.get<LandingArea>(base(code));
export const searchPlaces = (code: string, q: string) =>
  api.get<Place[]>(`${base(code)}/places${queryString({ q })}`);
export const fetchOrigins = (parent?: string) =>
  api.get<OriginDivision[]>(`/public/divisions${queryString({ parent })}`);
export const submitReport = (code: string, body: ReportBody) =>
  api.post<Submitted>(`${base(code)}/reports`, body);
