import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in saw of one request. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** How the stand-in answers next: a reading, a status without one, or no answer at all. */
export type StandInAnswer = { temperature: number; code: number; isDay?: boolean } | { status: number } | 'hang';

/** A local Open-Meteo stand-in: records every request and answers as the test says. */
export interface WeatherStandIn {
  /** The forecast address to put in weather.url. */
  url: string;
  requests: SeenRequest[];
  answer: StandInAnswer;
  stop(): Promise<void>;
}

/** Starts a stand-in on a free port of 127.0.0.1, answering 12.3 °C and overcast until told otherwise. */
export async function startWeatherStandIn(): Promise<WeatherStandIn> {
  const hanging = new Set<http.ServerResponse>();
  const standIn: WeatherStandIn = { url: '', requests: [], answer: { temperature: 12.3, code: 3 }, stop: async () => undefined };
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      standIn.requests.push({ method: request.method ?? '', path: url.pathname, query: url.searchParams, headers: request.headers, body });
      const answer = standIn.answer;
      if (answer === 'hang') {
        hanging.add(response);
        return;
      }
      if ('status' in answer) {
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end('{"error":true,"reason":"stand-in failure"}');
        return;
      }
      // The shape Open-Meteo answers with for current=temperature_2m,weather_code,is_day.
      const current = { time: '2025-11-25T14:00', interval: 900, temperature_2m: answer.temperature, weather_code: answer.code, is_day: answer.isDay === false ? 0 : 1 };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ latitude: 52.38, longitude: 4.9, timezone: url.searchParams.get('timezone'), current }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/forecast`;
  standIn.stop = async () => {
    for (const response of hanging) response.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return standIn;
}
