/**
 * TST-1: every sample tube carries a barcode that identifies it across the platform. Scanners and
 * hand entry disagree about case and surrounding blanks, so a barcode is normalised before use.
 */
const TUBE_BARCODE_PATTERN = /^[A-Z0-9-]{6,32}$/;

/**
 * A barcode as it may arrive in a path before normalisation (any case, blanks around): anything
 * else can name no tube, so a route's schema refuses it with a 400 naming the parameter.
 */
export const TUBE_BARCODE_INPUT_PATTERN = '^\\s*[A-Za-z0-9-]{6,32}\\s*$';

type TubeBarcodeProblem = 'required' | 'too_short' | 'too_long' | 'barcode_format';

export type TubeBarcodeCheck = { ok: true; barcode: string } | { ok: false; problem: TubeBarcodeProblem };

/** Trims and upper-cases a scanned or typed barcode. */
function normalizeTubeBarcode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** A tube barcode: 6–32 characters of A–Z, 0–9 and '-', after normalisation. */
export function checkTubeBarcode(raw: string): TubeBarcodeCheck {
  const barcode = normalizeTubeBarcode(raw);
  if (barcode === '') return { ok: false, problem: 'required' };
  if (barcode.length < 6) return { ok: false, problem: 'too_short' };
  if (barcode.length > 32) return { ok: false, problem: 'too_long' };
  if (!TUBE_BARCODE_PATTERN.test(barcode)) return { ok: false, problem: 'barcode_format' };
  return { ok: true, barcode };
}
