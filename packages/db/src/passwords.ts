/**
 * Password hashes of local accounts: argon2id with the OWASP-recommended minimum cost
 * (19 MiB, two passes, one lane). The api uses these for login and for the password
 * re-check of an electronic signature.
 */
import { hash, verify } from '@node-rs/argon2';

const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** A self-describing PHC string (`$argon2id$v=19$m=…`) with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Whether `password` matches `passwordHash`; false (never an exception) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
