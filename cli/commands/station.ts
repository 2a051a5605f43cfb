import type { Command } from 'commander';
import { z } from 'zod';
import { createLanDiscovery } from '../../server/boot.js';
import { AppError } from '../../server/errors.js';
import { limits } from '../../server/limits.js';
import { presentStation, type StationJson } from '../../server/presenters/station.js';
import { line } from '../../server/schemas.js';
import { findUser } from '../../server/services/accounts.js';
import { systemActor } from '../../server/services/actor.js';
import { approvePairing, findStationByReference, listStations, renameStation, revokeStation } from '../../server/services/stations.js';
import { withServices, type CommonOptions } from '../context.js';
import { createOutput, type Output } from '../ui/output.js';
import { parseFlag, withData, withJson } from '../options.js';

const nameFlag = line(limits.nameLength);
const codeFlag = z.string().regex(/^[A-Za-z0-9\s-]{1,20}$/, 'must be the code shown on the screen');
const timeoutFlag = z.coerce.number({ message: 'must be a number of seconds' }).min(0.5, 'must be 0.5 to 60 seconds').max(60, 'must be 0.5 to 60 seconds');
const addressFlag = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/, 'must be an IPv4 address of this host, like 192.168.1.20');

/** "3 minutes ago", or the date for older contact. */
function seen(station: StationJson, now = Date.now()): string {
  if (station.waiting) return 'waiting for the screen';
  if (station.online) return 'online now';
  if (!station.lastSeenAt) return 'never';
  const minutes = Math.round((now - Date.parse(station.lastSeenAt)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 120) return `${minutes} minutes ago`;
  return station.lastSeenAt.slice(0, 16).replace('T', ' ');
}

function printStations(out: Output, stations: StationJson[]): void {
  out.table(
    stations.map((s) => ({ name: s.name, person: `${s.stationPerson.firstName} ${s.stationPerson.lastName}`, paired: s.pairedAt.slice(0, 10), 'last seen': seen(s), id: s.id })),
    ['name', 'person', 'paired', 'last seen', 'id'],
  );
}

/** `prifora station list|pair|rename|revoke|discover`: Home Stations, with the same services as the web API. */
export function stationCommand(program: Command): void {
  const station = program.command('station').description('Home Stations: pair a screen, list, rename and revoke them, find servers on the LAN');

  withJson(withData(station.command('list')))
    .description('list the paired screens: whose they are, when paired and last seen')
    .action(async (options: CommonOptions) =>
      withServices(options, async (services, out) => {
        const stations = (await listStations(services, { actor: systemActor })).map(presentStation);
        if (options.json) return out.json({ stations });
        if (stations.length === 0) return out.line('No screens yet. Open /station on the screen and pair it with "prifora station pair CODE --name NAME --person WHO".');
        printStations(out, stations);
      }),
    );

  withJson(withData(station.command('pair')))
    .description('approve the code a new screen shows, and say whose screen it is')
    .argument('<code>', 'the code on the screen (spaces and case do not matter)')
    .requiredOption('--name <name>', 'what to call the screen, like "Living room"')
    .requiredOption('--person <who>', 'the station person it belongs to: username, email or id')
    .action(async (codeText: string, options: CommonOptions & { name: string; person: string }) => {
      const code = parseFlag('code', codeFlag, codeText);
      const name = parseFlag('--name', nameFlag, options.name);
      await withServices(options, async (services, out) => {
        const person = await findUser(options.person);
        const { station: paired, user } = await approvePairing(services, { actor: systemActor, code, name, stationUserId: person.id });
        if (options.json) return out.json({ station: presentStation({ station: paired, user, online: null }) });
        out.line(`Paired "${paired.name}" as ${user.firstName}’s screen. It shows the clock and photos within a few seconds.`);
      });
    });

  withJson(withData(station.command('rename')))
    .description('rename a screen')
    .argument('<station>', 'the screen’s name or id')
    .argument('<name>', 'the new name')
    .action(async (reference: string, nameText: string, options: CommonOptions) => {
      const name = parseFlag('name', nameFlag, nameText);
      await withServices(options, async (services, out) => {
        const found = await findStationByReference(reference);
        const renamed = await renameStation(services, { actor: systemActor, stationId: found.id, name });
        if (options.json) return out.json({ station: presentStation(renamed) });
        out.line(`Renamed "${found.name}" to "${renamed.station.name}".`);
      });
    });

  withJson(withData(station.command('revoke')))
    .description('revoke a screen: it stops working at once and shows the pairing code again')
    .argument('<station>', 'the screen’s name or id')
    .action(async (reference: string, options: CommonOptions) =>
      withServices(options, async (services, out) => {
        const found = await findStationByReference(reference);
        await revokeStation(services, { actor: systemActor, stationId: found.id });
        if (options.json) return out.json({ revoked: found.id });
        out.line(`Revoked "${found.name}". It shows the pairing code again within seconds; pair it anew to use it.`);
      }),
    );

  withJson(station.command('discover'))
    .description('list the prifora servers that announce themselves on the LAN (mDNS, _prifora._tcp)')
    .option('--timeout <seconds>', 'how long to listen for answers', '3')
    .option('--interface <address>', 'ask on the network of this IPv4 address only (default: every network)')
    .action(async (options: { json?: boolean; timeout: string; interface?: string }) => {
      const seconds = parseFlag('--timeout', timeoutFlag, options.timeout);
      const address = options.interface === undefined ? undefined : parseFlag('--interface', addressFlag, options.interface);
      const out = createOutput();
      let servers;
      try {
        servers = await createLanDiscovery({ interface: address }).browse(seconds * 1000);
      } catch (error) {
        throw new AppError(503, 'internal', `Could not listen on the LAN: ${(error as Error).message}.`, {
          report: false,
          hint: 'mDNS needs UDP port 5353 and multicast; type the server’s address on the screen instead.',
        });
      }
      if (options.json) return out.json({ servers });
      if (servers.length === 0) return out.note(`No prifora server answered on the LAN within ${seconds} seconds.`);
      out.table(
        servers.map((s) => ({ name: s.name, url: s.url ?? '(none announced)', address: `${s.host.includes(':') ? `[${s.host}]` : s.host}:${s.port}` })),
        ['name', 'url', 'address'],
      );
    });
}
