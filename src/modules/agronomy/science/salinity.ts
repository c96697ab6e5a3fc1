// Salinity from what a station sends: ‰ or g/L as they come (bulletins use them interchangeably), conductivity by the
// Practical Salinity Scale 1978 (UNESCO 1981) at the water's temperature, extended below 2 by Hill et al. (1986),
// which is where fresh-water decisions for rice are made.

/** Conductivity of standard sea water (S = 35, 15 °C, surface pressure), mS/cm. */
const C_35_15 = 42.914;
const A = [0.008, -0.1692, 25.3851, 14.0941, -7.0261, 2.7081];
const B = [0.0005, -0.0056, -0.0066, -0.0375, 0.0636, -0.0144];
const C = [0.6766097, 2.00564e-2, 1.104259e-4, -6.9698e-7, 1.0031e-9];
const K = 0.0162;

/** Practical salinity (≈ ‰) of water of a conductivity (µS/cm) at a temperature (°C), at the surface. */
export function salinityFromConductivity(microSiemensPerCm: number, celsius = 25): number {
  if (!(microSiemensPerCm > 0)) return 0;
  const t = celsius;
  const R = microSiemensPerCm / 1000 / C_35_15;
  const rt = C[0]! + t * (C[1]! + t * (C[2]! + t * (C[3]! + t * C[4]!)));
  const Rt = R / rt;
  const f = (t - 15) / (1 + K * (t - 15));
  let S = 0;
  for (let i = 0; i < 6; i++) S += (A[i]! + f * B[i]!) * Rt ** (i / 2);
  if (S < 2) {
    const X = 400 * Rt;
    const Y = 100 * Rt;
    S -= A[0]! / (1 + 1.5 * X + X * X) + (B[0]! * f) / (1 + Math.sqrt(Y) + Y + Y ** 1.5);
  }
  return Math.max(0, S);
}

/**
 * A station's day in ‰: from its salinity keys when it sends them (each with its factor to ‰), else from its
 * conductivity at the day's mean water temperature. Conversion is monotonic, so the day's extremes convert as extremes.
 */
export function dayInPerMille(day: Map<string, { min: number; max: number; mean: number }>, perMille: Record<string, number>): { min: number; max: number; from: string } | null {
  for (const [key, factor] of Object.entries(perMille)) {
    const d = day.get(key);
    if (d) return { min: d.min * factor, max: d.max * factor, from: key };
  }
  const c = day.get('conductivity');
  if (!c) return null;
  const t = day.get('temperature')?.mean ?? 25;
  return { min: salinityFromConductivity(c.min, t), max: salinityFromConductivity(c.max, t), from: 'conductivity' };
}
