import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** A real SMTP server on loopback that parses every mail it receives. */
export interface TestSmtp {
  port: number;
  received: ParsedMail[];
  /** Resolves with the next mail (or the n-th overall) once it has arrived. */
  nextMail(): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** Starts an SMTP server on 127.0.0.1 and a free port; plain, no auth (tests use security "none"). */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const waiting: Array<(mail: ParsedMail) => void> = [];
  let taken = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          waiting.shift()?.(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = (server.server.address() as AddressInfo).port;
  return {
    port: address,
    received,
    nextMail() {
      const index = taken++;
      const already = received[index];
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
