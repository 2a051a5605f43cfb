import { useCallback, useEffect, useState } from 'react';
import { getCallOptions } from '../../common/calls/api.js';
import type { CallOptionsJson } from '../../common/calls/types.js';

/** Whom the screen may call now, as the server's call options say (the server checks again on every call). */
export interface Callables {
  /** The options of each person asked about so far. */
  options: ReadonlyMap<string, CallOptionsJson>;
  /** Whether the screen may call this person now. */
  mayCall(userId: string): boolean;
  /** Asks the server again (the call screen opens, the family changed). */
  refresh(): void;
}

/**
 * The call options of the people the screen knows: the people it shares a conversation with,
 * whoever shared a photo it plays, whoever it missed a call from. A person the server does not
 * answer for keeps what was known, so a slow moment never takes a tile away.
 */
export function useCallables(userIds: readonly string[]): Callables {
  const [options, setOptions] = useState<ReadonlyMap<string, CallOptionsJson>>(new Map());
  const [round, setRound] = useState(0);
  const key = [...new Set(userIds)].sort().join(',');

  useEffect(() => {
    if (key === '') return;
    let current = true;
    void Promise.allSettled(key.split(',').map((id) => getCallOptions(id))).then((answers) => {
      if (!current) return;
      setOptions((known) => {
        const next = new Map(known);
        for (const answer of answers) if (answer.status === 'fulfilled') next.set(answer.value.userId, answer.value);
        return next;
      });
    });
    return () => {
      current = false;
    };
  }, [key, round]);

  const mayCall = useCallback((userId: string) => options.get(userId)?.call === true, [options]);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  return { options, mayCall, refresh };
}
