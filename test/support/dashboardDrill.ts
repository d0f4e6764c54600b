import type { FastifyInstance } from 'fastify';
import type { Dashboard } from '../../src/api/dashboard.js';

export type Figure = NonNullable<Dashboard['tiles'][number]['body']>['figures'][number];

/**
 * What a figure's drill opens, read through the API the web page calls: the number of rows of a
 * list (its `total`), or the figures of a board or progress page that the figure is read from.
 */
export async function drilled(app: FastifyInstance, cookie: string, drill: string): Promise<number | Board> {
  const url = new URL(drill, 'http://web');
  const q = new URLSearchParams(url.searchParams);
  const tab = q.get('tab');
  q.delete('tab');
  const get = async (path: string) => {
    const response = await app.inject({ method: 'GET', url: path, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const total = async (path: string) => (await get(`${path}?${q}&pageSize=1`)).total as number;
  switch (url.pathname) {
    case '/arrivals':
      return total('/api/arrivals');
    case '/deadlines':
      return total('/api/deadlines');
    case '/person-controls':
      return total('/api/person-controls');
    case '/drug-sales':
      return total('/api/drug-sales');
    case '/alerts':
      return total('/api/alerts');
    case '/landing-queue':
      return total('/api/landing/reports');
    case '/landing-board':
      return { kind: 'landing', board: await get(`/api/landing/daily-clear?${q}`) };
    case '/lab-work':
      if (tab === 'positives') return total('/api/lab-results/positives');
      if (tab === 'overdue') return (await get(`/api/lab-results/overdue?${q}`)).total as number;
      return { kind: 'turnaround', board: await get(`/api/lab-results/turnaround?${q}`) };
  }
  if (url.pathname === '/cases' && tab === 'board')
    return (await get(`/api/cases/board?${q}`)).counts[q.get('kind') ?? ''] as number;
  if (url.pathname === '/cases') return total('/api/cases');
  if (url.pathname === '/cases/review')
    return (await get(`/api/cases?awaitingReview=true&${q}&pageSize=1`)).total;
  if (url.pathname === '/investigations') return total('/api/investigations');
  if (url.pathname === '/chains') return (await get(`/api/chains?${q}`)).total as number;
  if (url.pathname === '/epi-teams' && tab === 'reserve') {
    // EPI-6: the reserve list of the teams page, filtered by status on the page.
    const status = q.get('status');
    q.delete('status');
    const reserve = await get(`/api/epi-teams/reserve?${q}`);
    return reserve.villages.filter((v: { status: string }) => !status || v.status === status).length;
  }
  if (url.pathname === '/venues' && q.get('view') === 'supervision') {
    // HC-2: the supervisor's view; a flag lists its flagged venues, no flag opens the figures.
    q.delete('view');
    const view = await get(`/api/venues/supervision?${q}`);
    return q.get('flag') ? (view.items.length as number) : { kind: 'venues', board: view };
  }
  // ISO-1, ISO-3: the sites page; its coverage check counts the counties short of one in use, one on standby.
  if (url.pathname === '/isolation/sites') {
    const list = await get(`/api/isolation/sites?${q}`);
    if (q.get('flag') === 'coverage') return list.coverage.filter((c: { ok: boolean }) => !c.ok).length;
    return list.items.length as number;
  }
  // ISO-4, ISO-5: the stays page, its queue tab (people owed a room) or a list of stays.
  if (url.pathname === '/isolation/stays' && tab === 'queue')
    return (await get(`/api/isolation/queue?${q}`)).items.length as number;
  if (url.pathname === '/isolation/stays') {
    if (tab === 'centralised' || tab === 'home') q.set('kind', tab);
    q.set('state', tab === 'ended' ? 'closed' : 'open');
    return total('/api/isolation/stays');
  }
  // ISO-6: the release queue's rows.
  if (url.pathname === '/isolation/release')
    return (await get(`/api/isolation/release-queue?${q}`)).items.length as number;
  // ISO-4, ISO-5: the monitoring board, filtered (kind, missing this slot).
  if (url.pathname === '/monitoring')
    return (await get(`/api/monitoring/board?${q}&pageSize=1`)).total as number;
  // ISO-2: the isolation overview's demand table, its total row for a wider scope.
  if (url.pathname === '/isolation')
    return { kind: 'isolation', board: await get(`/api/isolation/demand?${q}`) };
  if (url.pathname === '/bulletin') return { kind: 'bulletin', board: await get(`/api/bulletin?${q}`) };
  if (url.pathname === '/sentinels/data')
    return { kind: 'sentinels', board: await get(`/api/sentinels/overview?${q}`) };
  if (url.pathname === '/hospitals')
    return (await get(`/api/hospitals${tab === 'awaiting' ? '/awaiting-transfer' : ''}?${q}`))
      .total as number;
  const campaign = /^\/campaigns\/([0-9a-f-]{36})$/.exec(url.pathname);
  if (campaign) return { kind: 'campaign', board: await get(`/api/campaigns/${campaign[1]}/progress?${q}`) };
  throw new Error(`a drill to no known list: ${drill}`);
}

export interface Board {
  kind: 'landing' | 'turnaround' | 'campaign' | 'bulletin' | 'sentinels' | 'venues' | 'isolation';
  // biome-ignore lint/suspicious/noExplicitAny: the board's own response, read by the figure's key
  board: any;
}
