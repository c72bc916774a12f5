/**
 * Reads a `multipart/mixed` HTTP response body as it streams and yields each part's JSON: the
 * gateway's subscriptions over HTTP (Apollo's multipart subscription protocol 1.0). Parts are
 * separated by `\r\n--<boundary>`; each has its headers, a blank line and a JSON body; the stream
 * ends at `--<boundary>--`.
 */
export async function* readMultipartJson(
  body: ReadableStream<Uint8Array>,
  boundary = 'graphql',
): AsyncGenerator<unknown, void, unknown> {
  const delimiter = `\r\n--${boundary}`;
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let at = buffer.indexOf(delimiter); at !== -1; at = buffer.indexOf(delimiter)) {
        const part = buffer.slice(0, at);
        buffer = buffer.slice(at + delimiter.length);
        const blank = part.indexOf('\r\n\r\n');
        if (blank !== -1) {
          const text = part.slice(blank + 4).trim();
          if (text) yield JSON.parse(text);
        }
        if (buffer.startsWith('--')) return;
      }
      if (buffer.startsWith('--')) return;
    }
  } finally {
    reader.releaseLock();
    await body.cancel().catch(() => {});
  }
}

/** The boundary a `multipart/mixed` content type names (`graphql` when it names none). */
export function boundaryOf(contentType: string): string {
  return /boundary="?([^";,\s]+)"?/i.exec(contentType)?.[1] ?? '-';
}
