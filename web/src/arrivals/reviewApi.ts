import type { ArrivalDetail, ReviewPage, ReviewReason, SettleReviewBody } from '../../../src/api/arrivals';
import { api, queryString } from '../api/client';

export type { ReviewItem, ReviewPage, ReviewReason, SettleReviewBody } from '../../../src/api/arrivals';

export const REVIEW_REASONS = [
  'origin_review',
  'no_protocol',
  'no_pack',
] as const satisfies readonly ReviewReason[];
export const REVIEW_DECISIONS = [
  'no_measures',
  'measures_arranged',
] as const satisfies readonly SettleReviewBody['decision'][];

/** The review list's filter: one reason, or every arrival waiting for the CDC. */
export type ReviewFilter = ReviewReason | 'all';

export const reviewKeys = {
  all: ['arrivals', 'review'] as const,
  list: (filter: ReviewFilter, page: number, pageSize: number) =>
    ['arrivals', 'review', filter, page, pageSize] as const,
};

export const fetchReviews = (filter: ReviewFilter, page: number, pageSize: number) =>
  api.get<ReviewPage>(
    `/arrivals/review${queryString({ reason: filter === 'all' ? undefined : filter, page, pageSize })}`,
  );

/** The CDC settles an arrival planned by nothing, with the reason (audited). */
export const settleReview = (id: string, body: SettleReviewBody) =>
  api.post<ArrivalDetail>(`/arrivals/${encodeURIComponent(id)}/review`, body);
