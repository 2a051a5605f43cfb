import test from 'ava';
import { sniff } from '../../../server/media/sniff.js';

const ftyp = (major: string, ...compatible: string[]): Buffer => {
  const body = Buffer.from(`ftyp${major}\0\0\0\0${compatible.join('')}`, 'latin1');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(body.length + 4);
  return Buffer.concat([size, body, Buffer.alloc(16)]);
};

test('recognises a JPEG, a PNG, a GIF and a WebP by their first bytes', (t) => {
  t.deepEqual(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), { kind: 'photo', mime: 'image/jpeg', ext: 'jpg' });
  t.deepEqual(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), { kind: 'photo', mime: 'image/png', ext: 'png' });
  t.deepEqual(sniff(Buffer.from('GIF89a\x01\x00', 'latin1')), { kind: 'photo', mime: 'image/gif', ext: 'gif' });
  t.deepEqual(sniff(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1')), { kind: 'photo', mime: 'image/webp', ext: 'webp' });
});

test('recognises iPhone HEIC and generic HEIF by their ftyp brands', (t) => {
  t.is(sniff(ftyp('heic', 'mif1', 'heic'))?.mime, 'image/heic');
  t.is(sniff(ftyp('mif1', 'mif1', 'heic'))?.mime, 'image/heic');
  t.is(sniff(ftyp('heix', 'mif1'))?.mime, 'image/heic');
  t.deepEqual(sniff(ftyp('mif1', 'mif1')), { kind: 'photo', mime: 'image/heif', ext: 'heif' });
  t.is(sniff(ftyp('msf1', 'msf1'))?.kind, 'photo');
});

test('recognises MP4 and QuickTime by their major brand and WebM by its EBML DocType', (t) => {
  t.deepEqual(sniff(ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41')), { kind: 'video', mime: 'video/mp4', ext: 'mp4' });
  t.is(sniff(ftyp('mp42', 'mp42', 'isom'))?.mime, 'video/mp4');
  t.deepEqual(sniff(ftyp('qt  ', 'qt  ')), { kind: 'video', mime: 'video/quicktime', ext: 'mov' });
  const webm = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, ...Buffer.from('webm'), 0x42, 0x87]);
  t.deepEqual(sniff(webm), { kind: 'video', mime: 'video/webm', ext: 'webm' });
});

test('does not take a shell script named photo.jpg for a photo', (t) => {
  t.is(sniff(Buffer.from('#!/bin/sh\nrm -rf / # photo.jpg\n')), null);
});

test('finds nothing in a zero-byte file or in a lone JPEG marker byte', (t) => {
  t.is(sniff(Buffer.alloc(0)), null);
  t.is(sniff(Buffer.from([0xff, 0xd8])), null);
});

test('refuses AVIF, Matroska that is not WebM and an unknown ftyp brand', (t) => {
  t.is(sniff(ftyp('avif', 'mif1', 'avif', 'miaf')), null);
  t.is(sniff(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88, ...Buffer.from('matroska')])), null);
  t.is(sniff(ftyp('crx ', 'crx ')), null);
});
