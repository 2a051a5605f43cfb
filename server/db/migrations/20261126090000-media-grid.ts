import type { QueryInterface } from 'sequelize';

/**
 * Indexes for the photo grid (GET /api/v1/media): newest first with a (createdAt, id) cursor walks
 * this index instead of sorting every photo, and "is it someone's profile photo" is a lookup.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addIndex('media', ['createdAt', 'id'], { name: 'media_created_at_id' });
  await qi.addIndex('users', ['photoMediaId'], { name: 'users_photo_media_id' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeIndex('users', 'users_photo_media_id');
  await qi.removeIndex('media', 'media_created_at_id');
}
