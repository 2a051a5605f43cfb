/**
 * The pages of the web app. `user` pages show the sign-in screen in place while nobody is
 * signed in (after signing in, the same address shows the page); `guest` pages send a
 * signed-in person Home; `any` pages are for emailed links and work either way.
 */
import { lazy, type ComponentType, type ReactNode } from 'react';
import { matchPath } from '../common/router.js';
import { Home } from './screens/Home.js';
import { SignIn } from './screens/SignIn.js';

/**
 * Screens other than the first two (sign-in, Home) load on first use, so a phone downloads
 * what it shows; `preloadScreens` fetches the rest once the first screen is up, so moving on
 * is instant (and works offline, through the service worker's cache).
 */
const loaders: (() => Promise<unknown>)[] = [];
function screen<P extends object>(load: () => Promise<Record<string, unknown>>, name: string): ComponentType<P> {
  const loadOnce = () => load().then((module) => ({ default: module[name] as ComponentType<P> }));
  loaders.push(loadOnce);
  return lazy(loadOnce);
}

/** Fetches every screen's code in the background. */
export function preloadScreens(): void {
  for (const load of loaders) void load().catch(() => undefined);
}

const AcceptInvitation = screen<{ kind: 'invitation' | 'setup' }>(() => import('./screens/AcceptInvitation.js'), 'AcceptInvitation');
const Account = screen(() => import('./screens/Account.js'), 'Account');
const AddScreen = screen(() => import('./screens/AddScreen.js'), 'AddScreen');
const CallScreen = screen<{ id: string }>(() => import('./screens/Call.js'), 'CallScreen');
const Calls = screen(() => import('./screens/Calls.js'), 'Calls');
const Chats = screen(() => import('./screens/Chats.js'), 'Chats');
const Conversation = screen<{ id: string }>(() => import('./screens/Conversation.js'), 'Conversation');
const Family = screen(() => import('./screens/Family.js'), 'Family');
const Help = screen(() => import('./screens/Help.js'), 'Help');
const MagicLinkLanding = screen(() => import('./screens/MagicLinkLanding.js'), 'MagicLinkLanding');
const More = screen(() => import('./screens/More.js'), 'More');
const Notices = screen(() => import('./screens/Notices.js'), 'Notices');
const Photos = screen(() => import('./screens/Photos.js'), 'Photos');
const Slideshows = screen(() => import('./screens/Slideshows.js'), 'Slideshows');
const StationSettings = screen<{ personId: string }>(() => import('./screens/StationSettings.js'), 'StationSettings');

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
