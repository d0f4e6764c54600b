import type { BoardingFacts, BoardingResult } from '../../../src/api/boarding';
import { api } from '../api/client';

export type { BoardingFacts, BoardingResult } from '../../../src/api/boarding';

/** ARR-13: a judgement only; the server stores nothing. */
export const checkBoarding = (facts: BoardingFacts) =>
  api.post<BoardingResult>('/arrivals/boarding-check', facts);
