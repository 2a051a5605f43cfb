import { AppError } from '../errors.js';

/** A limit: at most `max` hits per `windowMs` for one key. */
export interface Limit {
  max: number;
  windowMs: number;
}

const minute = 60 * 1000;

/** The limits of the doors that let people in. Per account and per network address. */
export const rateLimits = {
  signInAccount: { max: 5, windowMs: 15 * minute },
  signInAddress: { max: 20, windowMs: 15 * minute },
  magicLinkAccount: { max: 3, windowMs: 15 * minute },
  magicLinkAddress: { max: 10, windowMs: 15 * minute },
  acceptAddress: { max: 10, windowMs: 15 * minute },
  acceptLink: { max: 5, windowMs: 15 * minute },
  /** A screen asks for a pairing code; it needs one every 10 minutes while it waits. */
  pairingCodeAddress: { max: 10, windowMs: 10 * minute },
  /** A waiting screen asks every few seconds whether an admin approved it. */
  pairingCheckAddress: { max: 120, windowMs: minute },
  /** Entering pairing codes: slows guessing the code of someone else's screen. */
  pairingApproveAccount: { max: 10, windowMs: 15 * minute },
  pairingApproveAddress: { max: 20, windowMs: 15 * minute },
  /** Starting calls: nobody rings a grandparent's screen over and over. */
  callStartAccount: { max: 20, windowMs: minute },
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof rateLimits;

/**
 * Counts attempts in memory with a sliding window. A restart forgets the counts, which only
 * ever favours the person: the limits exist to slow guessing, not to punish.
 */
export class RateLimiter {
  readonly #hits = new Map<string, number[]>();
  readonly #limits: Record<LimitName, Limit>;

  constructor(limits: Record<LimitName, Limit> = rateLimits) {
    this.#limits = limits;
  }

  /**
   * Counts one attempt against every given limit; throws 429 rate_limited with Retry-After when
   * any of them is already used up (the attempt is then not counted).
   */
  hit(checks: Array<[LimitName, string]>, now = Date.now()): void {
    let retryAfterMs = 0;
    for (const [name, key] of checks) {
      const limit = this.#limits[name];
      const recent = this.#recent(`${name}:${key}`, limit, now);
      if (recent.length >= limit.max) retryAfterMs = Math.max(retryAfterMs, (recent[0] as number) + limit.windowMs - now);
    }
    if (retryAfterMs > 0) {
      const seconds = Math.ceil(retryAfterMs / 1000);
      const minutes = Math.max(1, Math.ceil(seconds / 60));
      throw new AppError(429, 'rate_limited', `Too many attempts. Try again in ${minutes} minutes.`, {
        params: { minutes },
        details: { retryAfterSeconds: seconds },
        headers: { 'Retry-After': String(seconds) },
      });
    }
    for (const [name, key] of checks) this.#recent(`${name}:${key}`, this.#limits[name], now).push(now);
  }

  /** Forgets the attempts of one key, e.g. after a successful sign-in. */
  reset(name: LimitName, key: string): void {
    this.#hits.delete(`${name}:${key}`);
  }

  #recent(id: string, limit: Limit, now: number): number[] {
    const kept = (this.#hits.get(id) ?? []).filter((at) => at > now - limit.windowMs);
    this.#hits.set(id, kept);
    return kept;
  }
}
