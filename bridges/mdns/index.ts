import os from 'node:os';
import { Bonjour, type Service } from 'bonjour-service';
import type { FoundServer, LanAnnouncement, LanDiscovery, ServerAnnouncement } from '../../server/services/ports.js';

/** The DNS-SD service type of prifora: `_prifora._tcp`. */
export const serviceType = 'prifora';

/** Where multicast DNS goes: the network interface (its IPv4 address) and UDP port to use. */
export interface MdnsOptions {
  /** An interface's IPv4 address; all interfaces when left out. */
  interface?: string;
  /** 5353, the mDNS port, unless a test picks another. */
  port?: number;
}

/** What bonjour-service hands over for a service it saw: the fields prifora reads. */
export type SeenService = Pick<Service, 'name' | 'host' | 'port' | 'addresses' | 'txt'> & { referer?: { address: string } };

const instanceMaxBytes = 63;

/** The instance name a server announces: "prifora on nas:8080", cut to what DNS-SD allows. */
export function instanceName(hostname: string, port: number): string {
  const host = hostname.split('.')[0] || 'localhost';
  let name = `prifora on ${host}:${port}`;
  while (Buffer.byteLength(name) > instanceMaxBytes) name = name.slice(0, -1);
  return name;
}

/** The TXT record of an announcement: the public URL and the version. */
export function txtRecord(announcement: ServerAnnouncement): Record<string, string> {
  return { url: announcement.url, version: announcement.version, path: '/station' };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Reads a service seen on the LAN as a prifora server: the URL from its TXT record, the address it
 * answered from (else an IPv4 address it named), and its port. Null when it is not usable.
 */
export function foundServer(service: SeenService): FoundServer | null {
  if (!service.name || !service.port) return null;
  const txt = (service.txt ?? {}) as Record<string, unknown>;
  const addresses = [...new Set([...(service.referer ? [service.referer.address] : []), ...(service.addresses ?? [])])];
  const address = addresses.find((a) => a.includes('.')) ?? addresses[0] ?? service.host;
  const url = text(txt.url);
  return {
    name: service.name,
    url: url && /^https?:\/\//.test(url) ? url : null,
    version: text(txt.version),
    host: address,
    port: service.port,
    addresses,
  };
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? `${code}: ${(error as Error).message}` : String((error as Error)?.message ?? error);
}

/** Whether an mDNS socket complaint means multicast itself fails here (not a stray bad packet from the LAN). */
function isSystemError(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string';
}

function mdnsOptions(options: MdnsOptions): Record<string, unknown> {
  // Bind to all addresses (a socket bound to one address hears no multicast) and join the group on the chosen interface only.
  return { ...(options.interface ? { interface: options.interface, bind: '0.0.0.0' } : {}), ...(options.port ? { port: options.port } : {}) };
}

/** The multicast-dns socket under bonjour-service: its errors tell whether multicast works here. */
function socketOf(bonjour: Bonjour): NodeJS.EventEmitter {
  return (bonjour as unknown as { server: { mdns: NodeJS.EventEmitter } }).server.mdns;
}

/** mDNS/DNS-SD over bonjour-service (pure JavaScript, on Node's own UDP sockets). */
export function createMdnsDiscovery(options: MdnsOptions = {}): LanDiscovery {
  return {
    announce(announcement, onUnavailable): LanAnnouncement {
      let complained = false;
      const complain = (error: unknown) => {
        if (complained || !isSystemError(error)) return;
        complained = true;
        onUnavailable(reasonOf(error));
      };
      const bonjour = new Bonjour(mdnsOptions(options), complain);
      const mdns = socketOf(bonjour) as NodeJS.EventEmitter & { query(q: unknown, cb: (error: unknown) => void): void };
      mdns.on('error', complain);
      mdns.on('warning', complain);
      // A first query shows at once whether packets can go out at all (no route for multicast, say).
      mdns.query({ questions: [{ name: `_${serviceType}._tcp.local`, type: 'PTR' }] }, (error) => error && complain(error));
      bonjour.publish({
        name: instanceName(os.hostname(), announcement.port),
        type: serviceType,
        port: announcement.port,
        host: `${os.hostname().split('.')[0] || 'localhost'}.local`,
        txt: txtRecord(announcement),
        // The name carries the port, so two servers on one host never clash; probing would only print.
        probe: false,
      });
      let stopped: Promise<void> | undefined;
      return {
        stop() {
          stopped ??= new Promise<void>((resolve) => {
            // Goodbye packets tell listeners at once; a socket that cannot send must not hold up the stop.
            const timer = setTimeout(finish, 1000);
            function finish() {
              clearTimeout(timer);
              bonjour.destroy(() => resolve());
            }
            bonjour.unpublishAll(finish);
          });
          return stopped;
        },
      };
    },

    browse(timeoutMs) {
      return new Promise((resolve, reject) => {
        const bonjour = new Bonjour(mdnsOptions(options), () => undefined);
        const mdns = socketOf(bonjour);
        const found = new Map<string, FoundServer>();
        let failed: unknown;
        mdns.on('error', (error) => (failed = error));
        mdns.on('warning', () => undefined);
        const browser = bonjour.find({ type: serviceType }, (service: Service) => {
          const server = foundServer(service as SeenService);
          if (server) found.set(`${server.name}|${server.host}|${server.port}`, server);
        });
        // Ask twice: a single query can be lost, and answers come only to what was asked.
        const again = setTimeout(() => browser.update(), Math.min(1000, timeoutMs / 2));
        setTimeout(() => {
          clearTimeout(again);
          browser.stop();
          bonjour.destroy(() => {
            if (failed && found.size === 0) reject(new Error(`mDNS is not available here (${reasonOf(failed)})`));
            else resolve([...found.values()].sort((a, b) => a.name.localeCompare(b.name)));
          });
        }, timeoutMs);
      });
    },
  };
}
