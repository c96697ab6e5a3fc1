import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../server/errors.js';

// @node-rs/argon2 defaults to argon2id; the cost follows OWASP's recommendation (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the username is unknown, so timing does not reveal users. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword(crypto.randomBytes(16).toString('hex')));

export function assertStrongPassword(password: string, username: string, field = 'password'): void {
  const ok =
    password.length >= 10 &&
    password.length <= 200 &&
    /\p{L}/u.test(password) &&
    /\d/.test(password) &&
    password.toLowerCase() !== username.toLowerCase();
  if (!ok) throw new AppError('weak_password', {}, field);
}

/** A password a person can type from a printout: 4 groups of 5 characters without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => alphabet[crypto.randomInt(alphabet.length)]).join(''),
  );
  return `${groups.join('-')}9`;
}
