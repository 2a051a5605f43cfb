import { presentWeather } from '../presenters/weather.js';
import { currentWeather } from '../services/weather.js';
import { route } from './define.js';

/** The weather a paired Home Station shows under its clock, when the family configured a provider. */
export const stationWeatherRoutes = [
  route({
    method: 'get',
    path: '/api/v1/station/weather',
    summary: 'The weather now, in the screen’s language; null when no provider is configured or it has been away for 3 hours (a paired screen)',
    access: 'station',
    handle: async (ctx, { actor }) => {
      const now = await currentWeather(ctx.services);
      if (!now || actor.kind !== 'user') return { weather: null };
      return { weather: presentWeather(now, actor.user.language ?? ctx.services.config.family.language) };
    },
  }),
];
