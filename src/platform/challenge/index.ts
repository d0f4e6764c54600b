// Proof-of-work challenges and persisted limits for the public forms (DESIGN "Safe by default").
export { type Challenge, issueChallenge } from './challenge.js';
export {
  CHALLENGE_HEADER,
  countHits,
  type PublicLimit,
  requireChallengeIfNear,
  solutionOf,
} from './guard.js';
