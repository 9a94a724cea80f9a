"""Measured text contrast in the browser: the text colour with every ancestor's opacity applied,
over the first opaque background behind it (WCAG relative luminance)."""

from __future__ import annotations

# Returns [{text, ratio}] for every element matching the selector that has text of its own.
CONTRAST_OF = """
selector => {
  const rgba = s => { const m = s.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const over = (top, alpha, under) => top.slice(0, 3).map((v, i) => v * alpha + under[i] * (1 - alpha));
  const backdrop = el => {
    for (let node = el; node; node = node.parentElement) {
      const bg = rgba(getComputedStyle(node).backgroundColor);
      if (bg[3] > 0.99) return bg;
    }
    return [255, 255, 255, 1];
  };
  const opacity = el => { let o = 1; for (let n = el; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity); return o; };
  return [...document.querySelectorAll(selector)]
    .filter(el => el.getClientRects().length && el.textContent.trim())
    .map(el => {
      const fg = rgba(getComputedStyle(el).color);
      const bg = backdrop(el);
      const seen = over(fg, fg[3] * opacity(el), bg);
      const [a, b] = [lum(seen), lum(bg)].sort((x, y) => y - x);
      return {text: el.textContent.trim().slice(0, 40), ratio: (a + 0.05) / (b + 0.05)};
    });
}
"""


def low_contrast(page, selector: str, *, least: float = 4.5) -> list[str]:
    """The texts under `selector` that fall below `least`:1, each with its measured ratio."""
    return [
        f"{selector} “{found['text']}” {found['ratio']:.2f}:1"
        for found in page.evaluate(CONTRAST_OF, selector)
        if found["ratio"] < least
    ]
