// Statistics of the benchmark's samples: quantiles, medians and the rounding of every figure.

const sorted = (a) => [...a].sort((x, y) => x - y);
export const quantile = (a, q) => {
  if (!a.length) return null;
  const s = sorted(a);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
export const median = (a) => quantile(a, 0.5);
export const round = (x, d = 3) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
export const stats = (a) => ({ n: a.length, median: round(median(a)), p95: round(quantile(a, 0.95)), max: round(a.length ? Math.max(...a) : null) });
