import type { CheckInBody } from '../../../src/api/venues';
import { api } from '../api/client';
import { postWithChallenge } from './challenge';

/** The public venue-code API (HC-2): no session; limited by the server, with a challenge near a limit. */
export interface PublicVenue {
  name: string;
  kind: string;
  place: string;
}
export interface CheckedIn {
  message: { zh: string; en: string };
  venueName: string;
  at: string;
}
export type { CheckInBody };

const base = (code: string) => `/public/check-in/${encodeURIComponent(code)}`;
export const fetchVenue = (code: string) => api.get<PublicVenue>(base(code));
export const checkIn = (code: string, body: CheckInBody) => postWithChallenge<CheckedIn>(base(code), body);

/** The visitor's identity, kept on this device only, so a later scan is one tap. */
const KEY = 'fangkong.checkIn.identity';
export function savedIdentity(): CheckInBody | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    const value = raw ? (JSON.parse(raw) as Partial<CheckInBody>) : null;
    return value?.name && value.idNumber && value.phone
      ? { name: value.name, idNumber: value.idNumber, phone: value.phone }
      : null;
  } catch {
    return null;
  }
}
export function saveIdentity(identity: CheckInBody | null) {
  try {
    if (identity) window.localStorage.setItem(KEY, JSON.stringify(identity));
    else window.localStorage.removeItem(KEY);
  } catch {
    // Private browsing: nothing kept, the form asks again next time.
  }
}
