import type { HTMLAttributes } from 'react';

/**
 * A data-testid for props objects such as okButtonProps, where TypeScript would refuse the
 * hyphenated key in a literal; spread it: `okButtonProps={{ ...testId('save') }}`.
 */
export function testId(id: string): { 'data-testid': string } {
  return { 'data-testid': id };
}

/** A data-testid for table rows: `onRow={() => rowTestId('person-row')}`. */
export function rowTestId(id: string): HTMLAttributes<HTMLElement> & { 'data-testid': string } {
  return { 'data-testid': id };
}
