import { type Static, Type } from 'typebox';

/** Jurisdictions (province … grid, CMD-1) as the API sends them. */
export const JurisdictionNode = Type.Object({
  code: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  level: Type.String(),
  timeZone: Type.Union([Type.String(), Type.Null()]),
  hasChildren: Type.Boolean(),
});
export const PathItem = Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() });
/** One node with its ancestors from the top, without the node itself. */
export const JurisdictionDetail = Type.Object({ ...JurisdictionNode.properties, path: Type.Array(PathItem) });

export type Jurisdiction = Static<typeof JurisdictionNode>;
export type PathItem = Static<typeof PathItem>;
export type JurisdictionDetail = Static<typeof JurisdictionDetail>;
