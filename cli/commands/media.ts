import type { Command } from 'commander';
import { mediaUsage, sweepMedia } from '../../server/services/media.js';
import { withServices, type CommonOptions } from '../context.js';
import { withData, withJson } from '../options.js';

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** `prifora media usage|sweep`: storage of photos and videos. */
export function mediaCommand(program: Command): void {
  const media = program.command('media').description('photos and videos: storage used, and clean-up');

  withJson(withData(media.command('usage')))
    .description('how much storage photos and videos use, against the quota')
    .action(async (options: CommonOptions) =>
      withServices(options, async (services, out) => {
        const usage = await mediaUsage();
        const quotaBytes = services.config.media.quotaBytes;
        if (options.json) return out.json({ usage: { ...usage, quotaBytes } });
        out.line(`${usage.items} photos and videos use ${megabytes(usage.bytes)}${quotaBytes === null ? ' (no quota)' : ` of ${megabytes(quotaBytes)} (${Math.round((100 * usage.bytes) / Math.max(1, quotaBytes))} %)`}.`);
      }),
    );

  withJson(withData(media.command('sweep')))
    .description('remove files no photo or video points at (left by a crash) and stale uploads')
    .option('--dry-run', 'only list what would be removed')
    .action(async (options: CommonOptions & { dryRun?: boolean }) =>
      withServices(options, async (services, out) => {
        const result = await sweepMedia(services, { dryRun: options.dryRun });
        if (options.json) return out.json({ dryRun: !!options.dryRun, ...result });
        if (result.removed.length === 0) return out.line('Nothing to remove: every stored file belongs to a photo or video.');
        for (const item of result.removed) out.line(item);
        out.line(`${options.dryRun ? 'Would remove' : 'Removed'} ${result.removed.length} items, ${megabytes(result.bytes)}.`);
      }),
    );
}
