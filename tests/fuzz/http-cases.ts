import type { Rng } from './fuzz-rng';

/**
 * Hostile requests for the HTTP adapter fuzz, as raw bytes (a client library would refuse or
 * repair most of them): garbage methods, paths with traversal and broken percent-encodings,
 * wrong or missing Host and token, Content-Length that lies, huge headers, and bodies that are not
 * JSON, nest deeply or carry prototype-pollution keys. Bounded: at most a few MB per request.
 */
export interface HttpCase {
  label: string;
  request: Buffer;
  /**
   * CONNECT and Upgrade requests (a Node server without a handler for them closes the connection,
   * as documented) and requests whose body framing is broken (the rest is parsed as a next,
   * malformed request, and Node drops the connection): closing unanswered is a fair answer there.
   */
  mayCloseUnanswered: boolean;
}

export interface Target {
  port: number;
  token: string;
}

/** Methods a random call may name. Left out: ones that open arbitrary local paths, seed demo data or open folders. */
const methodNames = [
  'app.status', 'staff.list', 'staff.create', 'staff.update', 'shops.list', 'shops.create', 'shops.update', 'reviews.list', 'reviews.count',
  'reviews.get', 'reviews.create', 'cases.get', 'cases.board', 'cases.transition', 'imports.preview', 'imports.list', 'imports.get', 'imports.rejects',
  'imports.exportReport', 'evidence.list', 'evidence.get', 'evidence.addBytes', 'rules.list', 'rules.saveMonitor', 'settings.updatePreferences', 'sla.summary',
  'audit.list', 'auth.signIn', 'notifications.list', 'alerts.list', 'maintenance.verify', 'shops.dropAll', '__proto__', 'constructor', 'toString',
];

const badEncodings = ['%E0%A4%A', '%', '%z', '%zz', '%00', '%C0%AE', '%C0%AF', '%ED%A0%80', '%FF', '%2e%2e%2f', '%252e', '%u002e', '%%', '%E4%B8'];
const traversal = ['../', '..%2f', '%2e%2e/', '..\\', '....//', '/./', '//', '%2f', '..;/', '.%00./'];
const unicode = ['差评', '\u202e', '\ufeff', '𝕏', 'é', '\u0000', '\r', ' ', '\t', '\u2028'];

function segment(rng: Rng): string {
  switch (rng.int(0, 9)) {
    case 0: case 1: return rng.pick(badEncodings);
    case 2: case 3: return rng.pick(traversal);
    // Raw bytes the request line may not hold: rare, or Node's parser answers everything.
    case 4: return rng.pick(unicode);
    case 5: case 6: return encodeURIComponent(rng.pick(unicode));
    case 7: return 'x'.repeat(rng.int(1, 200));
    default: return rng.pick(['index.html', 'assets', 'app.js', 'secret.txt', 'etc', 'passwd', 'data', 'reviewdesk.db', 'link.txt']);
  }
}

function damaged(rng: Rng, base: string): string {
  let out = base;
  for (let i = rng.int(0, 3); i > 0; i--) {
    const at = rng.int(0, out.length);
    out = out.slice(0, at) + segment(rng) + out.slice(at);
  }
  return out;
}

const sha = (rng: Rng) => Array.from({ length: 64 }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');

function path(rng: Rng, target: Target): string {
  const family = rng.int(0, 9);
  const tokenQuery = rng.chance(0.6) ? `?token=${rng.chance(0.85) ? target.token : damaged(rng, 'guess')}` : '';
  switch (family) {
    case 0: case 1: case 2: return `/api/${rng.chance(0.6) ? rng.pick(methodNames) : damaged(rng, rng.pick(methodNames))}`;
    case 3: return `/upload?name=${damaged(rng, rng.pick(['export.csv', '评价.xlsx', '../../x.csv', '']))}`;
    case 4: return `/evidence/${rng.chance(0.5) ? sha(rng) : damaged(rng, sha(rng).slice(0, rng.int(0, 64)))}${tokenQuery}`;
    case 5: return rng.chance(0.3) ? `/events${tokenQuery}` : `/__test/${rng.pick(['reset', 'clock', 'platform', damaged(rng, 'x')])}`;
    case 6: return rng.pick(['/', '/index.html', '/assets/app.js', '/assets/', '/link.txt']) + (rng.chance(0.7) ? damaged(rng, '') : '');
    case 7: return `/${damaged(rng, rng.pick(['../secret.txt', 'assets/../../secret.txt', '%2e%2e/secret.txt', 'etc/passwd']))}`;
    case 8: return rng.pick(['*', `http://127.0.0.1:${target.port}/api/app.status`, 'http://[::1', 'http://evil.example/', '//evil.example/x', '?', '#', '/api/', '/api', `/${'a'.repeat(rng.int(1000, 20_000))}`]);
    default: return `/api/${damaged(rng, 'app.status')}/${damaged(rng, '')}`;
  }
}

function nested(rng: Rng, depth: number): string {
  const open = rng.pick(['[', '{"a":']);
  const close = open === '[' ? ']' : '}';
  return open.repeat(depth) + (rng.chance(0.5) ? '1' : '') + close.repeat(rng.chance(0.7) ? depth : rng.int(0, depth));
}

function jsonValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, depth > 3 ? 5 : 8)) {
    case 0: return null;
    case 1: return rng.pick([-1, 0, 1, 2 ** 53, -(2 ** 63), 1e308, 0.1, 1.5]);
    case 2: return rng.pick(['', 'agent', 'owner', 'taobao', 'jd', '1', 'x'.repeat(rng.int(0, 5000)), ...unicode]);
    case 3: return rng.chance(0.5);
    case 4: return rng.pick(['/etc/passwd', '../../secret.txt', 'C:\\Windows\\win.ini', '\u0000']);
    case 5: return 'y'.repeat(rng.int(10_000, 1_500_000));
    case 6: return Array.from({ length: rng.int(0, 5) }, () => jsonValue(rng, depth + 1));
    default: return Object.fromEntries(Array.from({ length: rng.int(0, 5) }, () => [rng.pick(keys), jsonValue(rng, depth + 1)]));
  }
}

const keys = ['name', 'role', 'platform', 'source', 'kind', 'text', 'id', 'importId', 'shopId', 'limit', 'offset', 'pin', 'mapping', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''];

function body(rng: Rng): string | Buffer {
  switch (rng.int(0, 8)) {
    case 0: return '';
    case 1: return rng.pick(['{', '{"name":', 'nul', '[1,]', '{"a":1}}', "{'a':1}", 'NaN', '\u0000', '{"a":"\\ud800"}', '1e99999']);
    case 2: return nested(rng, rng.int(100, 200_000));
    case 3: return '{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},"name":"x","role":"owner"}';
    case 4: return rng.bytes(rng.int(0, 4096));
    case 5: return JSON.stringify({ source: { kind: 'text', text: `订单编号\t评价内容\n1\t${'差'.repeat(rng.int(1, 100_000))}` }, platform: 'taobao' });
    default: return JSON.stringify(jsonValue(rng));
  }
}

/** The header lines, and whether the body's framing is broken (then closing unanswered is fair). */
function headerLines(rng: Rng, target: Target, length: number): { lines: string[]; framingBroken: boolean } {
  const lines: string[] = [];
  const host = `127.0.0.1:${target.port}`;
  if (!rng.chance(0.05)) lines.push(`Host: ${rng.chance(0.85) ? rng.pick([host, `localhost:${target.port}`]) : rng.pick(['evil.example', '127.0.0.1', `${host}.evil`, '', '[::1]', host + '\u0000'])}`);
  if (rng.chance(0.05)) lines.push(`Host: evil.example`);
  if (rng.chance(0.8)) lines.push(`X-ReviewDesk-Token: ${rng.chance(0.85) ? target.token : rng.pick(['', 'guess', target.token.slice(1), `${target.token} `, '差'])}`);
  if (rng.chance(0.5)) lines.push(`Content-Type: ${rng.pick(['application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/json; charset=gb18030', '', '\u00ff'])}`);
  if (rng.chance(0.3)) lines.push(`Origin: ${rng.pick(['http://evil.example', 'null', `http://127.0.0.1:${target.port}`, 'file://'])}`);
  if (rng.chance(0.2)) lines.push(`Range: ${rng.pick(['bytes=0-10', 'bytes=-1', 'bytes=99999999-', 'bytes=5-1', 'bytes=0-0,1-1,2-2', 'lines=1-2', 'bytes=abc'])}`);
  if (rng.chance(0.08)) lines.push(`X-Big: ${'b'.repeat(rng.int(1000, 40_000))}`);
  if (rng.chance(0.05)) lines.push(...Array.from({ length: rng.int(50, 3000) }, (_, i) => `X-Many-${i}: ${i}`));
  const declared = rng.int(0, 13);
  let framingBroken = false;
  if (declared <= 9) lines.push(`Content-Length: ${length}`);
  else if (declared === 10) {
    const lie = rng.pick([0, Math.max(0, length - rng.int(1, 10)), length + rng.int(1, 50), -1, 'abc', '1e3', `${length}, ${length}`, 2 ** 53]);
    lines.push(`Content-Length: ${lie}`);
    framingBroken = lie !== length;
  } else if (declared === 11) {
    lines.push(`Content-Length: ${length}`, `Content-Length: ${length + 1}`);
    framingBroken = true;
  } else if (declared === 12) lines.push('Transfer-Encoding: chunked');
  else framingBroken = length > 0;
  lines.push(rng.chance(0.9) ? 'Connection: close' : rng.pick(['Connection: keep-alive', 'Connection: upgrade', 'Upgrade: websocket']));
  return { lines, framingBroken };
}

/** Chunked framing, sometimes broken (bad sizes, missing terminator). */
function chunked(rng: Rng, payload: Buffer): { framed: Buffer; broken: boolean } {
  if (rng.chance(0.6)) return { framed: Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n0\r\n\r\n')]), broken: false };
  return { framed: Buffer.from(rng.pick([`zz\r\n${payload.toString('latin1')}`, `${payload.length + 5}\r\nabc\r\n0\r\n\r\n`, '-1\r\n\r\n', 'ffffffffffffffff\r\nx']), 'latin1'), broken: true };
}

export function httpCase(rng: Rng, target: Target): HttpCase {
  const method = rng.chance(0.85) ? rng.pick(['POST', 'POST', 'GET', 'PUT', 'OPTIONS', 'HEAD', 'DELETE']) : rng.pick(['PATCH', 'TRACE', 'CONNECT', 'PROPFIND', 'get', 'G\u00c9T', 'POST\u0000', '', 'X'.repeat(rng.int(1, 300)), 'M-SEARCH']);
  const requestTarget = path(rng, target);
  const payload = Buffer.from(body(rng));
  const { lines, framingBroken } = headerLines(rng, target, payload.length);
  const version = rng.chance(0.95) ? 'HTTP/1.1' : rng.pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/9', 'http/1.1', '']);
  const head = `${method} ${requestTarget} ${version}\r\n${lines.join('\r\n')}\r\n\r\n`;
  const chunks = lines.includes('Transfer-Encoding: chunked') ? chunked(rng, payload) : { framed: payload, broken: false };
  return {
    label: `${JSON.stringify(method).slice(0, 40)} ${JSON.stringify(requestTarget).slice(0, 120)} (${payload.length}-byte body${lines.find((line) => /^Content-Length|^Transfer/.test(line)) ? `, ${lines.filter((line) => /^Content-Length|^Transfer/.test(line)).join(' / ')}` : ''})`,
    request: Buffer.concat([Buffer.from(head, 'utf8'), chunks.framed]),
    mayCloseUnanswered: framingBroken || chunks.broken || method === 'CONNECT' || lines.some((line) => /^Upgrade:|^Connection: upgrade/.test(line)),
  };
}
