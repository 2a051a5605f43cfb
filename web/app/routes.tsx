/**
 * The pages of the web app. `user` pages show the sign-in screen in place while nobody is
 * signed in (after signing in, the same address shows the page); `guest` pages send a
 * signed-in person Home; `any` pages are for emailed links and work either way.
 */
import type { ReactNode } from 'react';
import { matchPath } from '../common/router.js';
import { AcceptInvitation } from './screens/AcceptInvitation.js';
import { Account } from './screens/Account.js';
import { CallScreen } from './screens/Call.js';
import { Calls } from './screens/Calls.js';
import { AddScreen } from './screens/AddScreen.js';
import { Chats } from './screens/Chats.js';
import { Conversation } from './screens/Conversation.js';
import { Family } from './screens/Family.js';
import { Help } from './screens/Help.js';
import { Home } from './screens/Home.js';
import { Notices } from './screens/Notices.js';
import { MagicLinkLanding } from './screens/MagicLinkLanding.js';
import { More } from './screens/More.js';
import { Photos } from './screens/Photos.js';
import { SignIn } from './screens/SignIn.js';
import { Slideshows } from './screens/Slideshows.js';
import { StationSettings } from './screens/StationSettings.js';

/** One page: a path pattern (`:name` segments allowed), who may see it, and what it shows. */
export interface RouteDefinition {
  path: string;
  access: 'user' | 'guest' | 'any';
  render(params: Record<string, string>): ReactNode;
}

export const routes: RouteDefinition[] = [
  { path: '/', access: 'user', render: () => <Home /> },
  { path: '/chats', access: 'user', render: () => <Chats /> },
  { path: '/chats/:id', access: 'user', render: (params) => <Conversation key={params.id} id={params.id ?? ''} /> },
  { path: '/photos', access: 'user', render: () => <Photos /> },
  { path: '/slideshows', access: 'user', render: () => <Slideshows /> },
  { path: '/more', access: 'user', render: () => <More /> },
  { path: '/calls', access: 'user', render: () => <Calls /> },
  { path: '/calls/:id', access: 'user', render: (params) => <CallScreen key={params.id} id={params.id ?? ''} /> },
  { path: '/family', access: 'user', render: () => <Family /> },
  { path: '/family/stations/add', access: 'user', render: () => <AddScreen /> },
  { path: '/family/stations/:personId/settings', access: 'user', render: (params) => <StationSettings key={params.personId} personId={params.personId ?? ''} /> },
  { path: '/account', access: 'user', render: () => <Account /> },
  { path: '/notices', access: 'user', render: () => <Notices /> },
  { path: '/help', access: 'user', render: () => <Help /> },
  { path: '/signin', access: 'guest', render: () => <SignIn /> },
  { path: '/signin/magic', access: 'any', render: () => <MagicLinkLanding /> },
  { path: '/invite', access: 'any', render: () => <AcceptInvitation kind="invitation" /> },
  { path: '/setup', access: 'any', render: () => <AcceptInvitation kind="setup" /> },
];

/** The page of a path and its parameters, or null for an unknown path. */
export function findRoute(pathname: string): { route: RouteDefinition; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}
