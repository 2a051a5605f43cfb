import { stationCookie, setStationCookie } from '../middleware/stationCookie.js';
import { presentFace } from '../presenters/station.js';
import { presentSlide } from '../presenters/slideshow.js';
import { playlist } from '../services/slideshows.js';
import { settingsOf } from '../services/stationSettings.js';
import { peopleOfStation } from '../services/stations.js';
import { route } from './define.js';

/**
 * What a paired Home Station asks about itself. Its conversations, messages, notices and media
 * come from the routes the web app uses (those marked `station` in their definitions).
 */
export const stationDeviceRoutes = [
  route({
    method: 'get',
    path: '/api/v1/station/me',
    summary: 'The screen itself: its station person, settings, language, the family, and the people it shows (a paired screen)',
    access: 'station',
    handle: async (ctx, { actor }) => {
      const station = actor.kind === 'user' ? actor.station : undefined;
      if (actor.kind !== 'user' || !station) return undefined;
      // Starting up renews the cookie, so a screen in daily use keeps it past any browser limit.
      const credential = ctx.cookies.get(stationCookie);
      if (credential) setStationCookie(ctx, credential);
      const person = actor.user;
      const config = ctx.services.config;
      return {
        station: { id: station.id, name: station.name },
        stationPerson: presentFace(person),
        language: person.language ?? config.family.language,
        settings: await settingsOf(ctx.services, person),
        family: { name: config.family.name, language: config.family.language, timeZone: config.family.timeZone },
        people: (await peopleOfStation(person.id)).map(presentFace),
      };
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/station/playlist',
    summary: 'What the screen plays now: new first, the rest shuffled, with captions in its language (a paired screen)',
    access: 'station',
    handle: async (ctx, { actor }) => ({
      slides: (await playlist(ctx.services, { actor, stationUserId: actor.kind === 'user' ? actor.user.id : '' })).map(presentSlide),
    }),
  }),
];
