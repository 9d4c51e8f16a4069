import { connect } from 'node:net';

export interface RawAnswer {
  /** The status code of the first answer, or null when none came. */
  status: number | null;
  head: string;
  body: string;
  /** The server closed the connection before a status line. */
  closedSilently: boolean;
  timedOut: boolean;
  ms: number;
}

const keptBytes = 256 * 1024;

/**
 * Sends bytes exactly as given and reads the first answer. Like a browser, the client keeps its
 * side open while the answer is being made (Node's server drops a request whose client
 * half-closed before the answer). Only a request with broken framing (`halfCloseMs` given: its
 * Content-Length may promise more than was sent) ends its side when no answer has come by then,
 * instead of waiting for the server's own timeouts. An event stream (its head is enough) and a
 * whole answer end the exchange.
 */
export function rawExchange(port: number, request: Buffer, deadlineMs: number, halfCloseMs: number | null = null): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect({ host: '127.0.0.1', port });
    let received = Buffer.alloc(0);
    const headOnly = request.subarray(0, 5).toString('latin1') === 'HEAD ';
    let settled = false;
    const finish = (why: 'closed' | 'timeout' | 'complete') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(halfClose);
      socket.destroy();
      const text = received.toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const head = split >= 0 ? text.slice(0, split) : text;
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({
        status: match ? Number(match[1]) : null,
        head,
        body: split >= 0 ? Buffer.from(text.slice(split + 4), 'latin1').toString('utf8') : '',
        closedSilently: why === 'closed' && received.length === 0,
        timedOut: why === 'timeout' && !match,
        ms: Math.round(performance.now() - started),
      });
    };
    const timer = setTimeout(() => finish('timeout'), deadlineMs);
    const halfClose = halfCloseMs === null ? undefined : setTimeout(() => socket.end(), halfCloseMs);
    socket.on('data', (chunk: Buffer) => {
      if (received.length < keptBytes) received = Buffer.concat([received, chunk]);
      const text = received.toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      if (split < 0) return;
      const head = text.slice(0, split);
      // A HEAD answer and an event stream are whole once the head is in.
      if (headOnly || /content-type: text\/event-stream/i.test(head)) return finish('complete');
      if (/transfer-encoding: chunked/i.test(head) && text.endsWith('\r\n0\r\n\r\n')) return finish('complete');
      const length = /content-length: (\d+)/i.exec(head);
      if (length && received.length - split - 4 >= Number(length[1])) finish('complete');
      else if (/^HTTP\/1\.[01] (1\d\d|204|304)/.test(head) || (/^HTTP\/1\.[01] \d{3}/.test(head) && !length && !/transfer-encoding/i.test(head))) finish('complete');
    });
    socket.on('error', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    socket.on('connect', () => socket.write(request));
  });
}
