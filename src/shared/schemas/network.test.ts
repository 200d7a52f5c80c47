import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZCreateNetworkPersonRequest } from './network.ts';

const base = {
  name: 'Moster Lis',
  relation: 'auntUncle',
  role: 'resource',
  guardiansAgreement: 'agreed',
  children: [{ childId: '6f1c0000-0000-4000-8000-000000000001', tie: 'strong' }],
};

describe('a network person’s contact details', () => {
  it('keeps a phone number as digits with an optional +, and refuses anything else on the phone field', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\+?[0-9 -]{6,20}$/)), (phone) => {
        const parsed = ZCreateNetworkPersonRequest.safeParse({ ...base, phone });
        if (parsed.success) {
          const kept = parsed.data.phone;
          expect(kept === null || /^\+?[0-9]{8,15}$/.test(kept)).toBe(true);
        } else {
          expect(parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['phone']);
        }
      }),
    );
  });

  it('keeps an e-mail address in lower case, and refuses anything else on the e-mail field', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.emailAddress()), (email) => {
        const parsed = ZCreateNetworkPersonRequest.safeParse({ ...base, email });
        if (parsed.success) {
          const kept = parsed.data.email;
          expect(kept === null || (kept.includes('@') && kept === kept.toLowerCase())).toBe(true);
        } else {
          expect(parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['email']);
        }
      }),
    );
  });

  it('takes no contact details as none', () => {
    const parsed = ZCreateNetworkPersonRequest.parse(base);
    expect([parsed.phone, parsed.email]).toEqual([null, null]);
    expect(ZCreateNetworkPersonRequest.parse({ ...base, phone: '20 30 40 50' }).phone).toBe('20304050');
  });
});
