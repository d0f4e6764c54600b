import { api } from '../api/client';
import { postWithChallenge } from './challenge';

/** The public self-report API of home isolation (ISO-5): no session; a token names the link. */
export interface SelfReportSlot {
  name: string;
  date: string;
  slot: 'am' | 'pm';
  recorded: { am: boolean; pm: boolean };
}
export interface SelfReported {
  message: { zh: string; en: string };
  date: string;
  slot: 'am' | 'pm';
  abnormal: boolean;
}
export interface SelfReportBody {
  slot: 'am' | 'pm';
  temperature: number;
  symptoms: string[];
}

const base = (token: string) => `/public/self-report/${encodeURIComponent(token)}`;
export const fetchSelfReport = (token: string) => api.get<SelfReportSlot>(base(token));
export const sendSelfReport = (token: string, body: SelfReportBody) =>
  postWithChallenge<SelfReported>(base(token), body);
