import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { fetchUrl } from '../../src/read/fetch.js';
import { loadInput } from '../../src/read/load.js';
import { read } from '../../src/read/index.js';

/** A URL read as `taizhang parse URL` reads it. */
const readSource = async (url: string) => {
  const input = await loadInput(url);
  return read(input.bytes, { name: input.name, contentType: input.contentType });
};

// Every request goes to a server on 127.0.0.1 started here, never to the internet.
const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
const ARTICLE = '<div id="UCAP-CONTENT"><p>一、深化政务公开，加强政策解读。</p></div>';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    switch (request.url) {
      case '/gbk.htm':
        // the HTTP charset, with no <meta charset> in the page
        response.writeHead(200, { 'content-type': 'text/html; charset=GBK' });
        return response.end(iconv.encode(`<html><head><title>通知</title></head><body>${ARTICLE}</body></html>`, 'gbk'));
      case '/fragment':
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.end(`发布时间：2019-05-28 ${ARTICLE}`);
      case '/moved':
        response.writeHead(302, { location: '/gbk.htm' });
        return response.end();
      case '/slow':
        return; // never answers
      default:
        response.writeHead(404, { 'content-type': 'text/html' });
        return response.end('<html><body>404 页面不存在</body></html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('reading a URL', () => {
  it('fetches a page and decodes it by its HTTP charset', async () => {
    const decoded = await readSource(`${base}/gbk.htm`);
    expect([decoded.name, decoded.format, decoded.encoding, decoded.text]).toEqual([`${base}/gbk.htm`, 'html', 'gbk', '一、深化政务公开，加强政策解读。']);
  });

  it('follows redirects', async () => {
    expect((await readSource(`${base}/moved`)).text).toBe('一、深化政务公开，加强政策解读。');
  });

  it('reads a page that starts with text as HTML because the server says text/html', async () => {
    const decoded = await readSource(`${base}/fragment`);
    expect([decoded.format, decoded.text]).toEqual(['html', '一、深化政务公开，加强政策解读。']);
  });

  it('reports an HTTP 404 in one line', async () => {
    const error = await rejection(readSource(`${base}/missing.htm`));
    expect(error.message).toBe(`HTTP 404 Not Found from ${base}/missing.htm`);
  });

  it('reports a refused connection, as when offline', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await rejection(fetchUrl(`http://127.0.0.1:${port}/notice.htm`));
    expect(error.message).toBe(`cannot fetch http://127.0.0.1:${port}/notice.htm: connection refused`);
  });

  it('gives up after the timeout', async () => {
    const error = await rejection(fetchUrl(`${base}/slow`, { timeoutMs: 200 }));
    expect(error.message).toBe(`no answer from ${base}/slow within 0.2 s`);
  });
});

describe('loadInput: files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-load-'));

  it('reads a file by its path', async () => {
    const path = join(dir, 'notice.html');
    writeFileSync(path, `<html><body>${ARTICLE}</body></html>`);
    const input = await loadInput(path);
    expect([input.name, input.contentType, input.bytes.length > 0]).toEqual([path, undefined, true]);
    expect((await readSource(path)).format).toBe('html');
  });

  it('reports a missing file in one line', async () => {
    const path = join(dir, 'missing.txt');
    expect((await rejection(loadInput(path))).message).toBe("no such file");
  });

  it('reports a directory in one line', async () => {
    expect((await rejection(loadInput(dir))).message).toBe("is a directory, not a file");
  });
});
