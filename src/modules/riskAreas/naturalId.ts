import { createHash } from 'node:crypto';

/**
 * A UUID (RFC 9562 version 8) derived from a record's natural key, so the same published area or
 * override gets the same id however often, and wherever, it is imported.
 */
export function naturalId(kind: string, parts: readonly string[]): string {
  const hex = createHash('sha256')
    .update([kind, ...parts].join('\u001f'))
    .digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A risk area's id: division code, area name, level and publication instant (ms) identify it. */
export const riskAreaId = (divisionCode: string, areaName: string, level: string, publishedAt: Date) =>
  naturalId('risk_area', [divisionCode, areaName, level, String(publishedAt.getTime())]);

/** An override's id: division prefix and start identify it. */
export const overrideId = (divisionPrefix: string, validFrom: Date) =>
  naturalId('risk_area_override', [divisionPrefix, String(validFrom.getTime())]);
