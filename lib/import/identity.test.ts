import { describe, expect, it } from 'vitest';
import { handleIdentityId, normaliseEmail, normaliseHandle, normalisePhone } from './identity';

describe('identity normalisation', () => {
  it.each([
    ['Lily_Chen', 'lily_chen'],
    ['@lily_chen', 'lily_chen'],
    ['  lily_chen\t', 'lily_chen'],
  ])('handle %j is the same buyer as %j', (raw, want) => {
    expect(normaliseHandle(raw)).toBe(want);
  });

  it.each([
    ['+65 9123 4567', '+6591234567'],
    ['+65-9123-4567', '+6591234567'],
    ['(+65)91234567', '+6591234567'],
    ['0065 9123 4567', '+6591234567'],
    ['(415) 555-0134', '4155550134'],
    ['138 0013 8000', '13800138000'],
    ['+65****4567', undefined],
    ['123', undefined],
    ['', undefined],
  ])('phone %j normalises to %j', (raw, want) => {
    expect(normalisePhone(raw)).toBe(want);
  });

  it.each([
    ['Lily.Chen@Example.com ', 'lily.chen@example.com'],
    ['not an email', undefined],
    ['a@b', undefined],
  ])('e-mail %j normalises to %j', (raw, want) => {
    expect(normaliseEmail(raw)).toBe(want);
  });

  it('a handle identity is scoped to its platform', () => {
    expect(handleIdentityId('shopee', '@Lily')).toBe('shopee:handle:lily');
    expect(handleIdentityId('etsy', 'lily')).not.toBe(handleIdentityId('shopee', 'lily'));
  });
});
