/**
 * A tile figure's drill: a web path and the list filters it opens with, in the order given.
 * Absent filters are left out, never sent empty (the list pages read a missing filter as "any").
 */
export function drill(path: string, filters: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) search.set(key, value);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
