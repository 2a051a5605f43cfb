/**
 * A tiny router on the history API: the current location as React state, `navigate`, a `Link`
 * that keeps clicks inside the app, and `matchPath` for patterns like `/chats/:id`. After an
 * in-app navigation the new page's heading takes the focus (see `useFocusOnNavigation`), so
 * keyboard and screen-reader users start at the top of the new page.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type RefObject } from 'react';

/** Where the app is: the path without a trailing slash, the query and the fragment (without #). */
export interface AppLocation {
  pathname: string;
  search: string;
  hash: string;
}

const changeEvent = 'prifora:navigate';
let focusPending = false;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search + window.location.hash;

/** Parses a path like `/invite#abc` into its parts; `/signin/` becomes `/signin`. */
export function parseLocation(href: string): AppLocation {
  const url = new URL(href, 'http://app.invalid');
  const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return { pathname, search: url.search, hash: url.hash.replace(/^#/, '') };
}

/** The current location; re-renders on navigate() and on the browser's back and forward. */
export function useLocation(): AppLocation {
  const current = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => parseLocation(current), [current]);
}

/**
 * Goes to a path inside the app.
 * @param options.replace - replace the current history entry (redirects, used-up links)
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  focusPending = true;
  // Same address (signing in on /): no history entry, but the new page still takes the focus.
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(changeEvent));
}

/**
 * Matches a pattern with `:name` segments against a path.
 * @returns the named segments, or null when the path does not match
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const wanted = pattern.split('/');
  const actual = pathname.split('/');
  if (wanted.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of wanted.entries()) {
    const value = actual[index] as string;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

/** Moves the focus to `ref` when the page it belongs to was reached by an in-app navigation. */
export function useFocusOnNavigation(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!focusPending) return;
    focusPending = false;
    ref.current?.focus();
  }, [ref]);
}

/** Redirects once rendered (replacing the history entry). */
export function Redirect(props: { to: string }) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    navigate(props.to, { replace: true });
  }, [props.to]);
  return null;
}

/** A link inside the app: a real <a href>, so it opens in a new tab too, but clicks stay in the app. */
export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={to} onClick={handleClick} />;
}
