/*
 * Runs in the station's page (read as text by stationRules.ts, never compiled): the Home
 * Station's own rules, one line per offender.
 */
(() => {
  const minText = 28;
  const minContrast = 7;
  const minTarget = 64;
  const problems = [];

  const parse = (color) => {
    const match = color.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
    return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])] : null;
  };
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  /** The first opaque-enough background behind an element (black: the station's page). */
  const backgroundOf = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      const color = parse(style.backgroundColor);
      if (color && color[3] >= 0.9) return [color[0], color[1], color[2]];
    }
    return [0, 0, 0];
  };
  const describe = (element) => {
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''} "${text}"`;
  };
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0.05;
  };
  const skipped = (element) => element.closest('video, iframe, svg, .call-video, [aria-hidden="true"]') !== null;

  for (const element of document.querySelectorAll('body *')) {
    if (skipped(element) || !visible(element)) continue;
    const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
    if (ownText && !element.closest('.visually-hidden')) {
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      if (size < minText) problems.push(`text ${size}px < ${minText}px: ${describe(element)}`);
      const color = parse(style.color);
      if (color) {
        const [a, b] = [luminance(color), luminance(backgroundOf(element))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < minContrast) problems.push(`contrast ${ratio.toFixed(2)}:1 < ${minContrast}:1: ${describe(element)}`);
      }
    }
    if (element.matches('button, a[href], [role="button"], input, select')) {
      const box = element.getBoundingClientRect();
      if (box.width < minTarget || box.height < minTarget) problems.push(`target ${Math.round(box.width)}×${Math.round(box.height)} < ${minTarget}px: ${describe(element)}`);
    }
  }
  return problems;
})();
