import { api } from '../api/client';

export interface BoardingFacts {
  confirmed: boolean;
  suspected: boolean;
  closeContact: boolean;
  fever: boolean;
  temperatureC: number | null;
  negativeNatAt: string | null;
  boardingAt: string;
}

export interface BoardingResult {
  allowed: boolean;
  reasons: Array<{ code: string; zh: string; en: string; rule: string }>;
  natValidUntil: string | null;
  timeZone: string;
}

/** ARR-13: a judgement only; the server stores nothing. */
export const checkBoarding = (facts: BoardingFacts) =>
  api.post<BoardingResult>('/arrivals/boarding-check', facts);
