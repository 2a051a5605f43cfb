import { authRoutes } from './auth.js';
import { callRoutes } from './calls.js';
import type { RouteSpec } from './define.js';
import { conversationRoutes } from './conversations.js';
import { familyRoutes } from './family.js';
import { groupRoutes } from './groups.js';
import { invitationRoutes } from './invitations.js';
import { mediaRoutes } from './media.js';
import { meRoutes } from './me.js';
import { noticeRoutes } from './notices.js';
import { sessionRoutes } from './sessions.js';
import { slideshowRoutes } from './slideshows.js';
import { stationDeviceRoutes } from './stationDevice.js';
import { stationPeopleRoutes } from './stationPeople.js';
import { stationRoutes } from './stations.js';
import { stationSettingsRoutes } from './stationSettings.js';
import { stationWeatherRoutes } from './stationWeather.js';
import { supportRoutes } from './support.js';
import { userRoutes } from './users.js';

/** Every API route, in the order of the OpenAPI document. */
export const apiRoutes: RouteSpec[] = [
  ...familyRoutes,
  ...authRoutes,
  ...meRoutes,
  ...sessionRoutes,
  ...invitationRoutes,
  ...userRoutes,
  ...stationPeopleRoutes,
  ...groupRoutes,
  ...conversationRoutes,
  ...noticeRoutes,
  ...supportRoutes,
  ...mediaRoutes,
  ...slideshowRoutes,
  ...stationRoutes,
  ...stationSettingsRoutes,
  ...stationDeviceRoutes,
  ...stationWeatherRoutes,
  ...callRoutes,
];
