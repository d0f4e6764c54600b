import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

/**
 * The address users reach the platform at: FANGKONG_PUBLIC_URL when set, else the scheme and host
 * this request came in on (behind a proxy that is the proxy's view only if FANGKONG_TRUST_PROXY
 * names it). Printed QR codes and links use it.
 */
export function publicOrigin(request: FastifyRequest, config: Config): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/**
 * Session cookies are Secure when the request came in over https, or when the public URL is
 * https: a TLS-terminating proxy speaks plain http to the platform, yet the browser is on https.
 */
export function cookiesSecure(request: FastifyRequest, config: Config): boolean {
  return request.protocol === 'https' || (config.publicUrl?.startsWith('https:') ?? false);
}
