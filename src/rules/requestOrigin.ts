/**
 * Where a browser request came from, decided from the headers a browser sets and a page cannot
 * forge: the same approach as Go's net/http CrossOriginProtection and OWASP's "verifying origin
 * with standard headers".
 */

/** Methods that change nothing; only the others are checked. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sec-Fetch-Site values of a request the platform's own page (or the user, typing) started. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

export interface RequestOrigin {
  readonly method: string;
  /** The Origin header; "null" from sandboxed or privacy-restricted contexts. */
  readonly origin: string | undefined;
  readonly secFetchSite: string | undefined;
  readonly referer: string | undefined;
  /** The host the browser addressed (Host, or X-Forwarded-Host from a trusted proxy). */
  readonly host: string | undefined;
  /** The configured public base URL's origin, if any. */
  readonly publicUrl: string | undefined;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * A page origin is the platform's own when it is the public URL, or names the host the browser
 * sent the request to (the scheme is left out, as a TLS proxy in front may change it; a page on
 * another host, or another port of the same host, is foreign).
 */
function isOwnOrigin(pageOrigin: string, host: string | undefined, publicUrl: string | undefined): boolean {
  const page = parse(pageOrigin);
  if (!page || (page.protocol !== 'http:' && page.protocol !== 'https:')) return false;
  if (publicUrl !== undefined && page.origin === publicUrl) return true;
  if (!host) return false;
  // Host parsed under the page's scheme, so "example.org:443" and "example.org" compare equal.
  const addressed = parse(`${page.protocol}//${host}`);
  return addressed !== undefined && addressed.host === page.host;
}

/**
 * Whether a request may change something. A browser sends Origin with every POST, PUT, PATCH and
 * DELETE; where it is missing, Sec-Fetch-Site and then Referer speak for it. A request with none
 * of the three did not come from a browser page (a script or a command-line client, which holds
 * no victim's cookie to abuse), so it passes; its credentials are checked as usual.
 */
export function mayChangeState(request: RequestOrigin): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  if (request.origin !== undefined) return isOwnOrigin(request.origin, request.host, request.publicUrl);
  if (request.secFetchSite !== undefined) return OWN_FETCH_SITES.has(request.secFetchSite.toLowerCase());
  if (request.referer !== undefined) {
    const page = parse(request.referer);
    return page !== undefined && isOwnOrigin(page.origin, request.host, request.publicUrl);
  }
  return true;
}

/** Loopback and unspecified addresses: a phone that scans a code naming one reaches nothing. */
export function isLoopbackUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '0.0.0.0' ||
    host === '::1' ||
    host === '::' ||
    /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)
  );
}
