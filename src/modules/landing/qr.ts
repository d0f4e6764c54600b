import QRCode from 'qrcode';

/**
 * The QR code a county or city prints at its checkpoints and stations (ARR-11): an SVG of the
 * landing page's URL. Medium error correction survives a crumpled poster.
 */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
