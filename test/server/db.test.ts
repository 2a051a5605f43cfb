import test from 'ava';
import { QueryTypes } from 'sequelize';
import { Event, openDatabase } from '../../server/db/index.js';
import { tempDir } from '../helpers/server.js';

test('writes queued together commit together, and a failing write takes no other with it', async (t) => {
  const db = await openDatabase(`${tempDir()}/batch.db`);
  t.teardown(() => db.close());
  await db.migrator.up();
  const create = (i: number) => db.write((transaction) => Event.create({ type: `ok${i}`, actorId: null, audience: { all: true }, payload: {} }, { transaction }));
  const failing = db.write(async (transaction) => {
    await Event.create({ type: 'doomed', actorId: null, audience: { all: true }, payload: {} }, { transaction });
    throw new Error('refused');
  });
  const results = await Promise.allSettled([create(1), create(2), failing, create(3), create(4)]);
  t.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  t.deepEqual((await Event.findAll({ order: [['id', 'ASC']] })).map((e) => e.type), ['ok1', 'ok2', 'ok3', 'ok4']);
});

test('the database runs in WAL mode with foreign keys on', async (t) => {
  const db = await openDatabase(`${tempDir()}/pragmas.db`);
  t.teardown(() => db.close());
  const [mode] = await db.sequelize.query<{ journal_mode: string }>('PRAGMA journal_mode', { type: QueryTypes.SELECT });
  const [keys] = await db.sequelize.query<{ foreign_keys: number }>('PRAGMA foreign_keys', { type: QueryTypes.SELECT });
  t.is(mode?.journal_mode, 'wal');
  t.is(keys?.foreign_keys, 1);
});
