import { describe, expect, it } from 'vitest';
import { stableUuid } from './stable-uuid.ts';

describe('stableUuid', () => {
  it('is a version 5 UUID, the same for the same name and different for another', () => {
    const a = stableUuid('offer:1:location');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('offer:1:location')).toBe(a);
    expect(stableUuid('offer:2:location')).not.toBe(a);
  });
});
