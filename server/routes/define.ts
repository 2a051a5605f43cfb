import { z } from 'zod';
import { forbidden, unauthenticated } from '../errors.js';
import { fromZodError } from '../middleware/errors.js';
import type { AppContext } from '../middleware/types.js';
import { authorize, isAdmin } from '../policies/user.js';
import { isStationDevice, type Actor } from '../services/actor.js';

/**
 * Who may call a route at all; finer checks are the policies' job inside services. 'station' is a
 * paired Home Station only (its own settings, its playlist).
 */
export type Access = 'public' | 'user' | 'admin' | 'station';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type AnyObject = z.ZodType<Record<string, unknown>>;

/** The validated input of a route, typed from its schemas. */
export interface RouteInput<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, A extends Access = Access> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  /** The acting person: always there on user and admin routes, maybe on public ones. */
  actor: A extends 'public' ? Actor | null : Actor;
}

/** One HTTP route: its schemas (which also make the OpenAPI document) and its handler. */
export interface RouteSpec<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  method: Method;
  path: string;
  summary: string;
  access: A;
  /**
   * Whether a paired Home Station may call it too, as its station person. Screens are refused
   * (403) on every other user and admin route, and are nobody (no actor) on other public ones.
   */
  station?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** Status of a successful answer (200, or 204 when the handler returns nothing). */
  status?: number;
  /** Authenticate, validate and authorize have run; call a service and present its result. */
  handle(ctx: AppContext, input: RouteInput<P, Q, B, A>): Promise<unknown>;
}

/** What a handler returns when it has set the status and body itself (files, ranges). */
export const alreadySent: unique symbol = Symbol('alreadySent');

/** Declares a route; the types of `handle`'s input follow from the schemas. */
export function route<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, A extends Access>(
  spec: RouteSpec<P, Q, B, A>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

const empty = z.strictObject({});

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, where === 'body' ? [] : [where], value);
  return result.data;
}

/**
 * Runs a route the way every route runs: authenticate (a screen only where the route allows it),
 * validate (params, query, body; unknown fields refused), then the handler, then the status.
 */
export async function runRoute(spec: RouteSpec, ctx: AppContext, params: Record<string, string>): Promise<void> {
  let actor = ctx.state.actor;
  const device = isStationDevice(actor);
  if (device && spec.access !== 'station' && !spec.station) {
    if (spec.access !== 'public') throw forbidden('A Home Station cannot do this.');
    actor = null;
  }
  if (spec.access !== 'public' && !actor) throw unauthenticated();
  if (spec.access === 'admin') authorize(isAdmin(actor as Actor), 'Only an admin can do this.');
  if (spec.access === 'station' && !device) throw forbidden('Only a paired Home Station can do this.');
  const input = {
    params: parse(spec.params ?? empty, params, 'params'),
    query: parse(spec.query ?? empty, { ...ctx.query }, 'query'),
    body: parse(spec.body ?? empty, ctx.state.body ?? {}, 'body'),
    actor,
  };
  const result = await spec.handle(ctx, input);
  if (result === alreadySent) return;
  if (result === undefined) {
    ctx.status = 204;
    return;
  }
  ctx.status = spec.status ?? 200;
  ctx.body = result;
}
