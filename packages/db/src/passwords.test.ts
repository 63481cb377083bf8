import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('verifies the password a hash was made from and nothing else', async () => {
    const passwordHash = await hashPassword('tracershop');
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(passwordHash, 'tracershop')).toBe(true);
    expect(await verifyPassword(passwordHash, 'Tracershop')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('answers false for a hash that is not an argon2 hash', async () => {
    expect(await verifyPassword('pbkdf2_sha256$260000$salt$hash', 'tracershop')).toBe(false);
  });
});
