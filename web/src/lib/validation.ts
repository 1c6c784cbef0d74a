export const PINCODE_PATTERN = /^\d{6}$/;

export function isPincode(value: string): boolean {
  return PINCODE_PATTERN.test(value);
}

export function parsePincodes(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((pincode) => pincode.trim())
    .filter(Boolean);
}

/** The part of an error's field path that names the input: "pincodes[0]" and "pincodes.0" give "pincodes". */
export function fieldKey(field: string): string {
  return field.split(/[.[]/)[0];
}

export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

export function optionalNumber(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}
