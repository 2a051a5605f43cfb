import { useMemo } from 'react';
import { encode } from 'uqr';

/**
 * The dark modules of a QR code as one SVG path, a horizontal run of modules per stroke: no
 * canvas and no inline styles, so the strict Content-Security-Policy stays as it is.
 */
export function qrPath(text: string): { size: number; path: string } {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x += 1;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return { size, path };
}

/** A QR code of `text`, black on white, as large as its box. */
export function QrCode(props: { text: string; label: string }) {
  const { size, path } = useMemo(() => qrPath(props.text), [props.text]);
  return (
    <svg className="qr-code" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={props.label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
