import type { JitsiCheck } from '../../server/services/ports.js';

/** Long enough for a slow Jitsi on a home line, short enough for a person waiting at a prompt. */
const timeoutMs = 10_000;

/** The reason a fetch failed, from the innermost cause (undici wraps the socket error). */
function failure(error: unknown): string {
  let cause = error as { cause?: unknown; code?: string; message?: string } | undefined;
  while (cause && typeof cause === 'object' && cause.cause && typeof cause.cause === 'object') cause = cause.cause as typeof cause;
  const code = cause?.code ?? '';
  const message = cause?.message ?? String(error);
  if ((error as Error)?.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} seconds`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the name does not resolve (check its DNS record)';
  if (code === 'ECONNREFUSED') return 'nothing accepts connections there (is Jitsi or its proxy running, is 443 open?)';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) return `its TLS certificate is not trusted (${code}): browsers will refuse it too`;
  return code ? `${message} (${code})` : message;
}

async function get(url: string): Promise<{ response: Response; body: string } | { error: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return { response, body: await response.text() };
  } catch (error) {
    return { error: failure(error) };
  }
}

/**
 * Whether the family's Jitsi answers over https and serves the IFrame API that the web app and the
 * station load: `https://<domain>/external_api.js`, as JavaScript that defines JitsiMeetExternalAPI.
 */
export async function checkJitsi(domain: string): Promise<JitsiCheck[]> {
  const base = `https://${domain}/`;
  const page = await get(base);
  const reachable: JitsiCheck =
    'error' in page
      ? { name: 'reachable', ok: false, url: base, detail: `${base} cannot be reached: ${page.error}.` }
      : page.response.status >= 500
        ? { name: 'reachable', ok: false, url: base, detail: `${base} answered ${page.response.status}: the server behind the proxy fails.` }
        : { name: 'reachable', ok: true, url: base, detail: `${base} answered ${page.response.status} over https.` };
  const scriptUrl = `${base}external_api.js`;
  if (!reachable.ok) {
    return [reachable, { name: 'externalApi', ok: false, url: scriptUrl, detail: 'Not tried: the domain itself cannot be reached.' }];
  }
  const script = await get(scriptUrl);
  return [reachable, externalApiCheck(scriptUrl, script)];
}

function externalApiCheck(url: string, result: { response: Response; body: string } | { error: string }): JitsiCheck {
  const fail = (detail: string): JitsiCheck => ({ name: 'externalApi', ok: false, url, detail });
  if ('error' in result) return fail(`${url} cannot be loaded: ${result.error}.`);
  const { response, body } = result;
  if (response.status !== 200) return fail(`${url} answered ${response.status}, not 200: is this domain Jitsi Meet's web server?`);
  const type = response.headers.get('content-type') ?? '(none)';
  if (!/javascript|ecmascript/i.test(type)) {
    return fail(`${url} is served as ${type}, not JavaScript: browsers will not run it (is a proxy answering with its own page?).`);
  }
  if (!body.includes('JitsiMeetExternalAPI')) return fail(`${url} is JavaScript but does not define JitsiMeetExternalAPI.`);
  const size = body.length < 1024 ? `${body.length} bytes` : `${Math.round(body.length / 1024)} KB`;
  return { name: 'externalApi', ok: true, url, detail: `${url} is the IFrame API (${size} of JavaScript).` };
}
