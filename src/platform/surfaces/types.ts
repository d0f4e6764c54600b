import type { Permission } from '../../rules/roles.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/types.js';

/**
 * What modules contribute to the work surfaces: dashboard tiles (态势总览), the actions that close
 * "my work" items (我的工作), and a person's story (timeline). The surfaces know no module by name;
 * ./contributions.ts lists what each module's index.ts offers, as http/modules.ts lists routes.
 */
export interface Text {
  zh: string;
  en: string;
}

/** Every contribution runs inside the caller's scoped transaction (row-level security applies). */
interface SurfaceRequest {
  ctx: AppContext;
  tx: Queryable;
  actor: Actor;
  now: Date;
}

// ---- Dashboard tiles -------------------------------------------------------------------------

/** One number on a tile, with the web path of the filtered list whose rows it counts. */
export interface TileFigure {
  key: string;
  label: Text;
  value: number;
  /** A web path with query, e.g. `/deadlines?state=overdue&jurisdiction=211122001`. */
  drill: string;
  tone?: 'normal' | 'good' | 'warning' | 'danger';
  /**
   * 'percent': a share from 0 to 100 whose drill opens the board it is read from. Otherwise a count
   * that equals the rows of the list its drill opens.
   */
  unit?: 'percent';
}

/** A tile's content: figures, optionally a daily trend and a per-child-jurisdiction heat table. */
export interface TileBody {
  figures: TileFigure[];
  trend?: {
    days: string[];
    series: Array<{ key: string; label: Text; values: number[] }>;
  };
  heat?: {
    columns: Array<{ key: string; label: Text }>;
    /** `own`: the jurisdiction's own items (owned at it, not below), shown as 本级. */
    rows: Array<{
      code: string;
      name: string;
      own?: boolean;
      cells: Array<{ value: number; drill: string }>;
    }>;
  };
  /** A line under the figures (e.g. the running campaign's name), or null. */
  note?: Text | null;
}

export interface DashboardTile {
  /** Stable id, `<module>.<tile>`. */
  id: string;
  /** Position on the dashboard, small first. */
  order: number;
  /** Shown only to callers holding it. */
  permission: Permission;
  title: Text;
  /** The tile for `jurisdiction` (a subtree within the caller's scope) and its children; null hides it. */
  load(request: DashboardRequest): Promise<TileBody | null>;
}

/** What a tile is loaded for: a subtree within the caller's scope, read in its own time zone. */
export interface DashboardRequest extends SurfaceRequest {
  jurisdiction: string;
  /** Its direct children, by code: the rows of a heat table. */
  children: ReadonlyArray<{ code: string; name: string }>;
  /** The jurisdiction's zone, in which "today" and the trend's days are counted. */
  timeZone: string;
  /** The trend's local dates (14), oldest first; the last is today. */
  days: readonly string[];
}

// ---- My work ---------------------------------------------------------------------------------

/** The one action that closes a work item (an open deadline), as its owner module knows it. */
export interface WorkAction {
  label: Text;
  /** Web path where the item is closed. */
  href: string;
  /** The item's job is a phone call: the page offers a call button revealing the number (audited). */
  call?: boolean;
  /**
   * No page records this work: it is closed by marking it done once done (POST /api/deadlines/:id/done,
   * audited), which the work page offers beside the link to the subject.
   */
  markDone?: boolean;
}

/** Resolves the actions of open deadlines whose subject type a module owns. */
export interface WorkSubject {
  subjectType: string;
  /** Null for a kind the module does not know: the item is offered on the deadlines page. */
  action(item: { kind: string; subjectId: string; personId: string | null }): WorkAction | null;
}

// ---- A person's story ------------------------------------------------------------------------

export interface StoryEvent {
  /** ISO timestamp of the event. */
  at: string;
  /** Which source, e.g. `arrivals`, `samples`, `controls`, `deadlines`, `audit`: the StorySource's id. */
  source: string;
  title: Text;
  detail?: Text | null;
  /** Web path with more, when the caller may open it. */
  href?: string | null;
  tone?: 'normal' | 'good' | 'warning' | 'danger';
}

export interface StorySource {
  id: string;
  /** The source's name on the story's filter chips; without it the chip reads 其他记录. */
  label?: Text;
  /** Shown only to callers holding it. */
  permission: Permission;
  /** The person's events, newest first, at most `limit` of them (the story shows no more). */
  load(request: SurfaceRequest & { personId: string; limit: number }): Promise<StoryEvent[]>;
}
