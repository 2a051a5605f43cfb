import { authRoutes } from './auth.js';
import type { RouteSpec } from './define.js';
import { familyRoutes } from './family.js';
import { invitationRoutes } from './invitations.js';
import { sessionRoutes } from './sessions.js';
import { userRoutes } from './users.js';

/** Every API route, in the order of the OpenAPI document. */
export const apiRoutes: RouteSpec[] = [...familyRoutes, ...authRoutes, ...sessionRoutes, ...invitationRoutes, ...userRoutes];
