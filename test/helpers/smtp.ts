import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

type Match = string | ((mail: ParsedMail) => boolean);

/** A real SMTP server on loopback that parses every mail it receives. */
export interface TestSmtp {
  port: number;
  received: ParsedMail[];
  /** Resolves with the next mail not yet taken, once it has arrived: to an address, or matching a test. */
  nextMail(match?: string | ((mail: ParsedMail) => boolean)): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** Starts an SMTP server on 127.0.0.1 and a free port; plain, no auth (tests use security "none"). */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const taken = new Set<ParsedMail>();
  const waiting: Array<{ match?: Match; resolve: (mail: ParsedMail) => void }> = [];
  const matches = (mail: ParsedMail, match?: Match) =>
    !match || (typeof match === 'function' ? match(mail) : (mail.to as { text?: string } | undefined)?.text === match);
  const offer = (mail: ParsedMail) => {
    const index = waiting.findIndex((w) => matches(mail, w.match));
    if (index < 0) return;
    const [waiter] = waiting.splice(index, 1);
    taken.add(mail);
    waiter?.resolve(mail);
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          offer(mail);
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
    nextMail(match?: Match) {
      const already = received.find((mail) => !taken.has(mail) && matches(mail, match));
      if (already) {
        taken.add(already);
        return Promise.resolve(already);
      }
      return new Promise((resolve) => waiting.push({ match, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
