import { ageOn } from '../measurement/age-band.ts';

/** A child of one sending batch, with its guardians and homes as the children register has them. */
export interface TPlanChild {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  /** The child's own (primary) home, for the child's own notice; null when none is registered. */
  address: readonly string[] | null;
  guardians: readonly TPlanGuardian[];
}

export interface TPlanGuardian {
  id: string;
  name: string;
  hasCustody: boolean;
  /** Street and town lines; null when the guardian has no registered address. */
  address: readonly string[] | null;
}

export type TFollowUpReason = 'noAddress' | 'noGuardian';

/** One notice to one recipient: a letter when there is an address to send it to, else manual follow-up. */
export interface TPlannedNotice {
  audience: 'guardian' | 'child';
  guardianId: string | null;
  /** The child who is the recipient of a child's own notice. */
  recipientChildId: string | null;
  recipientName: string;
  /** Null: nowhere to send it, the recipient goes on the manual follow-up list. */
  addressLines: string[] | null;
  /** The children the notice names, oldest first. */
  childIds: string[];
  followUpReason: TFollowUpReason | null;
}

export interface TPlanOptions {
  /** From this age the child gets a notice of its own. */
  childNoticeAge: number;
  /** The day the notices are written (ages are counted on it). */
  on: string;
}

const byAge = (a: TPlanChild, b: TPlanChild) =>
  a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Who is told about which children (GDPR articles 13 and 14; the recipients of decision 015's letters):
 *
 * - every guardian with custody of a child in the batch gets one notice naming all their children in it —
 *   a family with several children in the same round gets one letter each, not one per child;
 * - a guardian without custody is not a recipient;
 * - a child without any guardian with custody is listed for manual follow-up, never skipped;
 * - a child who has reached `childNoticeAge` also gets a notice of its own, in child-friendly words;
 * - a recipient without an address is listed for manual follow-up instead of sent a letter.
 */
export function planNotices(children: readonly TPlanChild[], options: TPlanOptions): TPlannedNotice[] {
  const sorted = [...children].sort(byAge);
  const byGuardian = new Map<string, { guardian: TPlanGuardian; childIds: string[] }>();
  const notices: TPlannedNotice[] = [];
  for (const child of sorted) {
    const custody = child.guardians.filter((g) => g.hasCustody);
    for (const g of custody) {
      const entry = byGuardian.get(g.id) ?? { guardian: g, childIds: [] };
      if (!entry.childIds.includes(child.id)) entry.childIds.push(child.id);
      byGuardian.set(g.id, entry);
    }
    if (custody.length === 0)
      notices.push({
        audience: 'guardian',
        guardianId: null,
        recipientChildId: null,
        recipientName: '',
        addressLines: null,
        childIds: [child.id],
        followUpReason: 'noGuardian',
      });
  }
  for (const { guardian, childIds } of [...byGuardian.values()].sort((a, b) =>
    a.guardian.id < b.guardian.id ? -1 : 1,
  )) {
    const address = guardian.address && guardian.address.length > 0 ? [...guardian.address] : null;
    notices.push({
      audience: 'guardian',
      guardianId: guardian.id,
      recipientChildId: null,
      recipientName: guardian.name,
      addressLines: address,
      childIds,
      followUpReason: address ? null : 'noAddress',
    });
  }
  for (const child of sorted) {
    if (ageOn(child.birthDate, options.on) < options.childNoticeAge) continue;
    const address = child.address && child.address.length > 0 ? [...child.address] : null;
    notices.push({
      audience: 'child',
      guardianId: null,
      recipientChildId: child.id,
      recipientName: `${child.firstName} ${child.lastName}`,
      addressLines: address,
      childIds: [child.id],
      followUpReason: address ? null : 'noAddress',
    });
  }
  return notices;
}

/**
 * The children split into families: children sharing a guardian with custody belong together (also half
 * siblings, through the parent they share), so a batch that takes whole families never splits a guardian's
 * letter in two. Each family's children oldest first; families in the order of their oldest child.
 */
export function familiesOf(children: readonly TPlanChild[]): TPlanChild[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  for (const c of children) parent.set(c.id, c.id);
  const firstChildOf = new Map<string, string>();
  for (const c of children)
    for (const g of c.guardians) {
      if (!g.hasCustody) continue;
      const other = firstChildOf.get(g.id);
      if (other === undefined) firstChildOf.set(g.id, c.id);
      else parent.set(find(c.id), find(other));
    }
  const groups = new Map<string, TPlanChild[]>();
  for (const c of [...children].sort(byAge)) {
    const root = find(c.id);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  }
  return [...groups.values()];
}
