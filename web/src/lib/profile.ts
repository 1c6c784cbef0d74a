/** What each of `missingFields` asks the customer to add. */
const MISSING_FIELD_LABELS: Record<string, string> = {
  phone: 'a phone number',
  email: 'an email',
  address: 'a delivery address',
};

export function missingFieldLabel(field: string): string {
  return MISSING_FIELD_LABELS[field] ?? field;
}

export function missingFieldsSentence(fields: readonly string[]): string {
  return fields.map(missingFieldLabel).join(', ');
}
