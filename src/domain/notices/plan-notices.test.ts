import { describe, expect, it } from 'vitest';
import { familiesOf, planNotices, type TPlanChild, type TPlanGuardian } from './plan-notices.ts';

const home = ['Søndergade 1', '9000 Aalborg'];
const mor: TPlanGuardian = { id: 'g-mor', name: 'Mette Mor', hasCustody: true, address: home };
const far: TPlanGuardian = {
  id: 'g-far',
  name: 'Frank Far',
  hasCustody: true,
  address: ['Vestergade 2', '9000 Aalborg'],
};
const farUdenForaeldremyndighed: TPlanGuardian = { ...far, hasCustody: false };
const nyFar: TPlanGuardian = { id: 'g-ny', name: 'Niels Ny', hasCustody: true, address: home };

const child = (
  id: string,
  birthDate: string,
  guardians: TPlanGuardian[],
  address: string[] | null = home,
): TPlanChild => ({
  id,
  firstName: id,
  lastName: 'Jensen',
  birthDate,
  address,
  guardians,
});
const on = '2027-03-01';
const plan = (children: TPlanChild[], childNoticeAge = 15) => planNotices(children, { childNoticeAge, on });
const summary = (children: TPlanChild[], age = 15) =>
  plan(children, age).map((n) => [
    n.audience,
    n.guardianId ?? n.recipientChildId,
    n.childIds,
    n.followUpReason,
  ]);

describe('planNotices: who gets which notice', () => {
  it.each([
    [
      'one child, two parents with custody: a letter each',
      [child('emma', '2020-05-01', [mor, far])],
      15,
      [
        ['guardian', 'g-far', ['emma'], null],
        ['guardian', 'g-mor', ['emma'], null],
      ],
    ],
    [
      'a parent without custody gets nothing',
      [child('emma', '2020-05-01', [mor, farUdenForaeldremyndighed])],
      15,
      [['guardian', 'g-mor', ['emma'], null]],
    ],
    [
      'two siblings: one letter per parent naming both, oldest first',
      [child('ida', '2021-01-01', [mor, far]), child('oliver', '2018-01-01', [mor, far])],
      15,
      [
        ['guardian', 'g-far', ['oliver', 'ida'], null],
        ['guardian', 'g-mor', ['oliver', 'ida'], null],
      ],
    ],
    [
      'half siblings: the shared mother gets one letter naming both, each father his own child',
      [child('ida', '2021-01-01', [mor, nyFar]), child('oliver', '2018-01-01', [mor, far])],
      15,
      [
        ['guardian', 'g-far', ['oliver'], null],
        ['guardian', 'g-mor', ['oliver', 'ida'], null],
        ['guardian', 'g-ny', ['ida'], null],
      ],
    ],
    [
      'a child of 15 gets a notice of its own besides the parents’ letter',
      [child('sofie', '2012-02-28', [mor])],
      15,
      [
        ['guardian', 'g-mor', ['sofie'], null],
        ['child', 'sofie', ['sofie'], null],
      ],
    ],
    [
      'a child turning 15 the day after gets none of its own',
      [child('sofie', '2012-03-02', [mor])],
      15,
      [['guardian', 'g-mor', ['sofie'], null]],
    ],
    [
      'the municipality’s age counts: from 13 when it says so',
      [child('sofie', '2014-01-01', [mor])],
      13,
      [
        ['guardian', 'g-mor', ['sofie'], null],
        ['child', 'sofie', ['sofie'], null],
      ],
    ],
    [
      'a guardian without an address is listed for manual follow-up',
      [child('emma', '2020-05-01', [mor, { ...far, address: null }])],
      15,
      [
        ['guardian', 'g-far', ['emma'], 'noAddress'],
        ['guardian', 'g-mor', ['emma'], null],
      ],
    ],
    [
      'a child without any guardian with custody is listed, never skipped',
      [child('emma', '2020-05-01', [farUdenForaeldremyndighed])],
      15,
      [['guardian', null, ['emma'], 'noGuardian']],
    ],
    [
      'a young person without a home of their own is listed for follow-up',
      [child('sofie', '2010-01-01', [mor], null)],
      15,
      [
        ['guardian', 'g-mor', ['sofie'], null],
        ['child', 'sofie', ['sofie'], 'noAddress'],
      ],
    ],
  ] as const)('%s', (_name, children, age, expected) => {
    expect(summary([...children], age)).toEqual(expected);
  });

  it('addresses the child’s own notice to the child by full name, at the child’s home', () => {
    const [, own] = plan([child('sofie', '2010-01-01', [mor])]);
    expect(own).toMatchObject({ recipientName: 'sofie Jensen', addressLines: home, audience: 'child' });
  });
});

describe('familiesOf', () => {
  it('keeps children who share a guardian with custody together, through half siblings too', () => {
    const a = child('a', '2015-01-01', [mor, far]);
    const b = child('b', '2017-01-01', [mor, nyFar]);
    const c = child('c', '2019-01-01', [nyFar]);
    const d = child('d', '2016-01-01', [{ ...mor, id: 'g-other' }]);
    const e = child('e', '2014-01-01', [farUdenForaeldremyndighed]);
    expect(familiesOf([c, d, b, a, e]).map((f) => f.map((x) => x.id))).toEqual([
      ['e'],
      ['a', 'b', 'c'],
      ['d'],
    ]);
  });
});
