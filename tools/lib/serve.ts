import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { headersFor, parseHeadersFile } from '../../src/formats/headers-file.ts';

/**
 * Serves a built site on a loopback port, as a static host would: under
 * `base`, with the headers of the site's `_headers` file (its
 * Content-Security-Policy among them), and with the site's own 404 page (and
 * status) for anything missing.
 */
export interface StaticServer {
  origin: string;
  /** origin + base, ending in "/". */
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const files = sirv(dir, { dev: false, etag: true });
  const headersPath = join(dir, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    for (const [name, value] of headersFor(rules, url.split('?')[0]!)) res.setHeader(name, value);
    const notFound = () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(readFileSync(join(dir, '404.html')));
    };
    if (!url.startsWith(base)) return notFound();
    req.url = `/${url.slice(base.length)}`;
    files(req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
