// Proof-of-work challenges and persisted limits for the public forms (DESIGN "Safe by default").
export { issueChallenge } from './challenge.js';
export {
  countHits,
  type PublicLimit,
  requireChallengeIfNear,
  solutionOf,
} from './guard.js';
