/**
 * The row a statement must return: an INSERT or UPDATE … RETURNING, an aggregate without GROUP BY,
 * or a read of a row this transaction has already checked. None is a bug rather than a caller's
 * mistake, so it throws a plain Error (a 500) naming the statement, not a 404.
 */
export function firstRow<T>(rows: readonly T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`${what} returned no row`);
  return row;
}
