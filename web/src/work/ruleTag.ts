import type { CSSProperties } from 'react';

/** The rule ID beside a task: a small grey tag at most (DESIGN "Words users read"). */
export const RULE_TAG: CSSProperties = {
  fontSize: 11,
  lineHeight: '18px',
  marginInlineEnd: 0,
  color: '#8c8c8c',
};
