// Excel's ROUND, ROUNDUP and ROUNDDOWN: the number is first snapped to the 15 significant digits Excel
// shows, then shifted by decimal exponent (not multiplied), so ROUND(1.005; 2) is 1,01 as in Excel.
export type RoundMode = 'half' | 'up' | 'down';

const shift = (value: number, places: number): number => {
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  return Number(`${mantissa}e${Number(exponent) + places}`);
};

export function excelRound(value: number, places: number, mode: RoundMode): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const digits = Math.trunc(places);
  const magnitude = Number(Math.abs(value).toPrecision(15));
  const shifted = shift(magnitude, digits);
  const whole = mode === 'half' ? Math.round(shifted) : mode === 'up' ? Math.ceil(shifted) : Math.floor(shifted);
  const result = whole === 0 ? 0 : shift(whole, -digits);
  return value < 0 ? -result : result;
}
