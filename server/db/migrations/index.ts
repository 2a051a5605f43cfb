import type { QueryInterface } from 'sequelize';
import * as accounts from './20261125000000-accounts.js';
import * as networkChat from './20261125010000-network-chat.js';
import * as noticesSupport from './20261125020000-notices-support.js';
import * as media from './20261125030000-media.js';
import * as slideshows from './20261125040000-slideshows.js';
import * as profilePhoto from './20261125050000-profile-photo.js';
import * as stations from './20261125060000-stations.js';
import * as mediaGrid from './20261126090000-media-grid.js';
import * as calls from './20261127090000-calls.js';

/** A migration as umzug runs it. */
export interface Migration {
  name: string;
  up(params: { context: QueryInterface }): Promise<void>;
  down(params: { context: QueryInterface }): Promise<void>;
}

/**
 * Every migration, oldest first. Listed by hand rather than globbed so the same list works from
 * TypeScript sources and from the compiled dist/.
 */
export const migrations: Migration[] = [
  { name: '20261125000000-accounts', ...accounts },
  { name: '20261125010000-network-chat', ...networkChat },
  { name: '20261125020000-notices-support', ...noticesSupport },
  { name: '20261125030000-media', ...media },
  { name: '20261125040000-slideshows', ...slideshows },
  { name: '20261125050000-profile-photo', ...profilePhoto },
  { name: '20261125060000-stations', ...stations },
  { name: '20261126090000-media-grid', ...mediaGrid },
  { name: '20261127090000-calls', ...calls },
];
