import { describe, expect, it } from 'vitest';
import { isLoopbackUrl, mayChangeState, type RequestOrigin } from './requestOrigin.js';

const base: RequestOrigin = {
  method: 'POST',
  origin: undefined,
  secFetchSite: undefined,
  referer: undefined,
  host: 'fk.example.org:3000',
  publicUrl: undefined,
};

describe('a state-changing request is accepted only from the platform’s own pages', () => {
  it.each<[string, Partial<RequestOrigin>, boolean]>([
    ['a GET from anywhere changes nothing', { method: 'GET', origin: 'https://evil.example' }, true],
    ['HEAD and OPTIONS neither', { method: 'OPTIONS', origin: 'https://evil.example' }, true],
    ['the own page, by Origin', { origin: 'http://fk.example.org:3000' }, true],
    ['the own page over a TLS proxy (scheme differs)', { origin: 'https://fk.example.org:3000' }, true],
    ['a foreign site', { origin: 'https://evil.example' }, false],
    ['another port of the same host', { origin: 'http://fk.example.org:8080' }, false],
    ['a sub-domain is another origin', { origin: 'http://x.fk.example.org:3000' }, false],
    ['a sandboxed or privacy-restricted page sends "null"', { origin: 'null' }, false],
    ['garbage in Origin', { origin: 'not a url' }, false],
    ['a non-web scheme', { origin: 'file://', host: '' }, false],
    [
      'Origin wins over a same-origin Sec-Fetch-Site',
      { origin: 'https://evil.example', secFetchSite: 'same-origin' },
      false,
    ],
    ['PUT, PATCH and DELETE are checked too', { method: 'delete', origin: 'https://evil.example' }, false],
    [
      'the public URL when the proxy rewrites Host',
      { origin: 'https://fk.gov.cn', host: '10.0.0.5:3000', publicUrl: 'https://fk.gov.cn' },
      true,
    ],
    [
      'the public URL does not admit another site',
      { origin: 'https://evil.example', publicUrl: 'https://fk.gov.cn' },
      false,
    ],
    [
      'a default port in Host matches an Origin without it',
      { origin: 'https://fk.gov.cn', host: 'fk.gov.cn:443' },
      true,
    ],
    [
      'no Host at all: only the public URL counts',
      { origin: 'http://fk.example.org:3000', host: undefined },
      false,
    ],
    ['no Origin, Sec-Fetch-Site same-origin', { secFetchSite: 'same-origin' }, true],
    ['no Origin, Sec-Fetch-Site none (typed by the user)', { secFetchSite: 'none' }, true],
    ['no Origin, Sec-Fetch-Site cross-site', { secFetchSite: 'cross-site' }, false],
    ['no Origin, Sec-Fetch-Site same-site (a sibling sub-domain)', { secFetchSite: 'same-site' }, false],
    ['Referer of the own page', { referer: 'http://fk.example.org:3000/persons?page=2' }, true],
    ['Referer of a foreign page', { referer: 'https://evil.example/form.html' }, false],
    ['an unreadable Referer', { referer: '::::' }, false],
    ['no browser header at all: a script or command-line client', {}, true],
  ])('%s', (_case, request, expected) => {
    expect(mayChangeState({ ...base, ...request })).toBe(expected);
  });
});

describe('a QR code naming a loopback address reaches nothing from a phone', () => {
  it.each<[string, boolean]>([
    ['http://127.0.0.1:3000/report/211122', true],
    ['http://127.8.9.10/report/2111', true],
    ['http://localhost:3000/report/211122', true],
    ['http://LOCALHOST/report/211122', true],
    ['http://app.localhost/report/211122', true],
    ['http://[::1]:3000/report/211122', true],
    ['http://[::ffff:127.0.0.1]/report/211122', true],
    ['http://0.0.0.0:3000/report/211122', true],
    ['http://192.168.1.20:3000/report/211122', false],
    ['https://fk.example.gov.cn/report/211122', false],
    ['http://localhost.example.org/report/211122', false],
    ['http://128.0.0.1/report/211122', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});
