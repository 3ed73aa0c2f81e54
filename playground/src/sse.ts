/**
 * An incremental Server-Sent Events parser (the text/event-stream format), used because the
 * simulation stream is a POST, which `EventSource` cannot send.
 */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Creates a parser: feed it text chunks as they arrive; it returns the events completed so far.
 * @example
 * const p = createSseParser();
 * p.push('event: progress\ndata: {"done":1}\n\n'); // [{ event: 'progress', data: '{"done":1}' }]
 */
export function createSseParser() {
  let buffer = '';
  let pendingCr = false; // a chunk ended in \r: it may be the first half of \r\n
  return {
    push(chunk: string): SseEvent[] {
      let text = (pendingCr ? '\r' : '') + chunk;
      pendingCr = text.endsWith('\r');
      if (pendingCr) text = text.slice(0, -1);
      buffer += text.replace(/\r\n?/g, '\n');
      const events: SseEvent[] = [];
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const ev: SseEvent = { event: 'message', data: '' };
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line === '' || line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let value = colon < 0 ? '' : line.slice(colon + 1);
          if (value.startsWith(' ')) value = value.slice(1);
          if (field === 'event') ev.event = value;
          else if (field === 'data') data.push(value);
          else if (field === 'id') ev.id = value;
        }
        if (data.length === 0) continue;
        ev.data = data.join('\n');
        events.push(ev);
      }
      return events;
    },
  };
}
