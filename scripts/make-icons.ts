/**
 * Renders the web app's PNG icons from web/public/icons/icon.svg. The PNGs are committed (the
 * manifest and iOS need them); run this after changing the SVG:
 *   node --import=tsx scripts/make-icons.ts
 */
import path from 'node:path';
import sharp from 'sharp';

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../web/public/icons');
const svg = path.join(dir, 'icon.svg');

for (const size of [192, 512]) {
  await sharp(svg, { density: 300 }).resize(size, size).png().toFile(path.join(dir, `icon-${size}.png`));
}
await sharp(svg, { density: 300 }).resize(180, 180).flatten({ background: '#1d5a55' }).png().toFile(path.join(dir, 'apple-touch-icon.png'));
// A maskable icon keeps its drawing inside the middle 80 %, on a full-bleed background.
const inner = await sharp(svg, { density: 300 }).resize(400, 400).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#1d5a55' } })
  .composite([{ input: inner, gravity: 'center' }])
  .png()
  .toFile(path.join(dir, 'icon-maskable-512.png'));
