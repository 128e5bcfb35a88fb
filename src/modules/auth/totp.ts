import { authenticator } from 'otplib';

authenticator.options = { window: 1, step: 30, digits: 6 };

export const newTotpSecret = () => authenticator.generateSecret(20);

export const totpUri = (email: string, secret: string) => authenticator.keyuri(email, 'Samsvar', secret);

export const totpCode = (secret: string) => authenticator.generate(secret);

/**
 * Checks a code and returns its time step, so a code that has been used once cannot be used again
 * (`lastStep` is the newest step already accepted for this person).
 */
export function checkTotp(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const cleaned = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(cleaned)) return null;
  const delta = authenticator.checkDelta(cleaned, secret);
  if (delta === null) return null;
  const step = Math.floor(now / 30_000) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
