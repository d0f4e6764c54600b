import { type Static, Type } from 'typebox';
import { DateTime, Nullable } from './common.js';

/** The situation dashboard (态势总览) as the API sends it: module tiles for one jurisdiction. */
const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const Place = Type.Object({ code: Type.String(), name: Type.String() });

const TileFigure = Type.Object({
  key: Type.String(),
  label: Text,
  value: Type.Number(),
  /** The web path of the filtered list whose rows the value counts. */
  drill: Type.String(),
  tone: Type.Optional(Type.Enum(['normal', 'good', 'warning', 'danger'])),
  /** A share from 0 to 100 (its drill opens the board it is read from); absent for a count. */
  unit: Type.Optional(Type.Literal('percent')),
});

const TileBody = Type.Object({
  figures: Type.Array(TileFigure),
  trend: Type.Optional(
    Type.Object({
      days: Type.Array(Type.String()),
      series: Type.Array(
        Type.Object({ key: Type.String(), label: Text, values: Type.Array(Type.Integer()) }),
      ),
    }),
  ),
  heat: Type.Optional(
    Type.Object({
      columns: Type.Array(Type.Object({ key: Type.String(), label: Text })),
      rows: Type.Array(
        Type.Object({
          code: Type.String(),
          name: Type.String(),
          /** The jurisdiction's own items, owned at it and not below (本级). */
          own: Type.Optional(Type.Boolean()),
          cells: Type.Array(Type.Object({ value: Type.Integer(), drill: Type.String() })),
        }),
      ),
    }),
  ),
  note: Type.Optional(Nullable(Text)),
});

const DashboardTileView = Type.Object({
  id: Type.String(),
  title: Text,
  order: Type.Integer(),
  /** The tile could not be loaded this time (logged); its body is null and the others stand. */
  error: Type.Boolean(),
  body: Nullable(TileBody),
});

export const DashboardView = Type.Object({
  jurisdiction: Place,
  /** The parent, when it lies in the caller's scope (a way up). */
  parent: Nullable(Place),
  children: Type.Array(Place),
  timeZone: Type.String(),
  /** The local date the figures of "today" count, in the jurisdiction's zone. */
  today: Type.String(),
  generatedAt: DateTime,
  tiles: Type.Array(DashboardTileView),
});
export type Dashboard = Static<typeof DashboardView>;
