import test from 'ava';
import { coalesce } from '../../../web/station/coalesce.js';

/** A burst of refresh requests runs the job at most twice: the one under way and one after it. */

test('folds calls made while a run is under way into one more run', async (t) => {
  let runs = 0;
  let release: () => void = () => undefined;
  const refresh = coalesce(async () => {
    runs += 1;
    if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
  });
  const first = refresh();
  const later = [refresh(), refresh(), refresh()];
  release();
  await Promise.all([first, ...later]);
  t.is(runs, 2);
  await refresh();
  t.is(runs, 3);
});

test('runs again after a run that failed', async (t) => {
  let runs = 0;
  const refresh = coalesce(async () => {
    runs += 1;
    if (runs === 1) throw new Error('offline');
  });
  const first = refresh();
  const second = refresh();
  await t.throwsAsync(first, { message: 'offline' });
  await second;
  t.is(runs, 2);
});
