import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { FieldCode } from '../messages.js';

/** The shortest password accepted. */
const PASSWORD_MIN_LENGTH = 10;
/**
 * zxcvbn's score runs 0–4; 3 means about 10^8 guesses or more ("safely unguessable" against an
 * online attack and a slow hash offline). `aaaaaaaaaa`, `1234567890` and `password123` score 0.
 */
const MIN_SCORE = 3;
/** Only this much of a password is analysed: the check's cost grows fast with length. */
const ANALYSED_LENGTH = 64;

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: loading the common-password dictionaries takes a few tens of milliseconds. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    maxLength: ANALYSED_LENGTH,
  });
  return estimator;
}

/**
 * Why `password` is refused, or undefined when it is strong enough: too short, or too easy to
 * guess (common passwords, keyboard walks, repeats and sequences, or the account's own names,
 * given as `personal`).
 */
export function passwordProblem(password: string, personal: readonly string[] = []): FieldCode | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return 'weak_password';
  const inputs = personal.filter((value) => value.trim().length > 0);
  if (zxcvbn().check(password, inputs).score < MIN_SCORE) return 'common_password';
  return undefined;
}
