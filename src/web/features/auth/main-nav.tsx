import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TPermission } from '../../../shared/permissions';
import { NavItemLink } from '../../components/links';
import { unreadAlertsQuery } from '../alerts/queries';
import { can, useMe } from './session';

/** Pages under another item's path with an item of their own: only their own item is current there. */
const OWN_ITEMS = ['/tilbud/laering', '/tilbud/kapacitet'];

interface TNavItem {
  to:
    | '/'
    | '/boern'
    | '/runder'
    | '/import'
    | '/maaling'
    | '/admin/brugere'
    | '/admin/rolletildelinger'
    | '/admin/enheder'
    | '/admin/faktorer'
    | '/admin/revisionslog'
    | '/bekymringer'
    | '/advarsler'
    | '/mine-boern'
    | '/admin/handleguide'
    | '/admin/advarselsregler'
    | '/underretninger'
    | '/mine-underretninger'
    | '/admin/frister'
    | '/sager'
    | '/frister'
    | '/raadgiverskifte'
    | '/breve'
    | '/overholdelse'
    | '/moeder'
    | '/mit-arbejde'
    | '/praksis'
    | '/tilbud'
    | '/tilbud/laering'
    | '/tilbud/kapacitet'
    | '/henvisninger'
    | '/oplysningspligt'
    | '/konferencer'
    | '/admin/oplysningstekster';
  label: string;
  /** Shown when the user holds any of these. */
  permission?: TPermission | TPermission[];
}

function NavItem({ to, label }: TNavItem) {
  const pathname = useLocation({ select: (l) => l.pathname });
  const own = OWN_ITEMS.find((p) => pathname === p || pathname.startsWith(`${p}/`));
  const active =
    to === '/'
      ? pathname === '/'
      : pathname === to || (pathname.startsWith(`${to}/`) && (!own || own === to));
  return (
    <li>
      {/* Exact: the router's own prefix match would mark a parent item current on a child page with an item of its own. */}
      <NavItemLink
        to={to}
        label={label}
        active={active}
        aria-current={active ? 'page' : undefined}
        activeOptions={{ exact: true }}
      />
    </li>
  );
}

/** A unit leader's view of a unit they lead. */
function UnitWellbeingItem({ unitId, label }: { unitId: string; label: string }) {
  const pathname = useLocation({ select: (l) => l.pathname });
  const active = pathname === `/enheder/${unitId}/trivsel`;
  return (
    <li>
      <NavItemLink
        to="/enheder/$unitId/trivsel"
        params={{ unitId }}
        label={label}
        active={active}
        aria-current={active ? 'page' : undefined}
      />
    </li>
  );
}

/** Follows the user's permissions: the UI hides what the server would refuse. */
export function MainNav() {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('assessments');
  const { t: ti } = useTranslation('imports');
  const { t: tf } = useTranslation('factors');
  const { t: tc } = useTranslation('concerns');
  const { t: tcase } = useTranslation('cases');
  const { t: tl } = useTranslation('letters');
  const { t: tn } = useTranslation('notifications');
  const { t: tm } = useTranslation('meetings');
  const { t: tw } = useTranslation('work');
  const { t: tp } = useTranslation('practice');
  const { t: to } = useTranslation('offers');
  const { t: tpl } = useTranslation('planning');
  const { t: tno } = useTranslation('notices');
  const { t: tconf } = useTranslation('conferences');
  const me = useMe();
  const unread = useQuery({ ...unreadAlertsQuery, enabled: can(me, 'read:alert:own') }).data ?? 0;
  const led = can(me, 'read:measurement:unit')
    ? [
        ...new Map(
          (me?.roles ?? [])
            .filter((r) => r.role === 'unitLeader' && r.unitId)
            .map((r) => [r.unitId ?? '', r.unitName ?? '']),
        ),
      ]
    : [];
  const allowed = (permission: TNavItem['permission']) =>
    !permission || [permission].flat().some((p) => can(me, p));
  const visible = (items: TNavItem[]) => items.filter((item) => allowed(item.permission));

  const main = visible([
    { to: '/', label: t('nav.home') },
    { to: '/boern', label: t('nav.children'), permission: 'read:child:unit' },
    {
      to: '/runder',
      label: ta('nav.rounds'),
      permission: ['read:round:unit', 'manage:round:municipality', 'manage:round:unit'],
    },
    { to: '/import', label: ti('nav'), permission: 'write:assessment:unit' },
    {
      to: '/maaling',
      label: t('nav.measurement'),
      permission: ['read:measurement:municipality', 'read:measurement:unit'],
    },
    { to: '/mit-arbejde', label: tw('nav'), permission: 'read:meeting:own' },
    { to: '/bekymringer', label: tc('nav.concerns'), permission: 'read:concern:unit' },
    { to: '/moeder', label: tm('nav'), permission: 'read:meeting:own' },
    { to: '/praksis', label: tp('nav'), permission: ['read:practice:unit', 'read:practice:municipality'] },
    {
      to: '/advarsler',
      label: unread > 0 ? tc('nav.alertsUnread', { count: unread }) : tc('nav.alerts'),
      permission: 'read:alert:own',
    },
    { to: '/mine-boern', label: tc('nav.myChildren'), permission: 'read:child:unit' },
    { to: '/sager', label: tcase('nav.cases'), permission: 'read:case:team' },
    { to: '/frister', label: tcase('nav.deadlines'), permission: 'read:case:team' },
    { to: '/raadgiverskifte', label: tcase('nav.change'), permission: 'manage:case:team' },
    { to: '/breve', label: tl('nav.outbox'), permission: 'read:letter:municipality' },
    { to: '/overholdelse', label: tcase('nav.compliance'), permission: 'read:compliance:municipality' },
    { to: '/underretninger', label: tn('nav.queue'), permission: 'read:notification:municipality' },
    { to: '/mine-underretninger', label: tn('nav.mine'), permission: 'read:notification:own' },
    { to: '/henvisninger', label: to('nav.partnerReferrals'), permission: 'read:referral:provider' },
    { to: '/tilbud', label: to('nav.catalogue'), permission: 'read:offer:municipality' },
    { to: '/tilbud/laering', label: tpl('nav.learning'), permission: 'read:learning:municipality' },
    { to: '/tilbud/kapacitet', label: tpl('nav.capacity'), permission: 'read:capacity:municipality' },
    { to: '/konferencer', label: tconf('nav'), permission: 'coordinate:conference:own' },
    {
      to: '/oplysningspligt',
      label: tno('nav.overview'),
      permission: ['manage:notice:unit', 'manage:notice:team', 'read:notice:municipality'],
    },
  ]);
  const admin = visible([
    { to: '/admin/brugere', label: t('nav.users'), permission: 'manage:user:municipality' },
    {
      to: '/admin/rolletildelinger',
      label: t('nav.roleGrants'),
      permission: ['manage:user:municipality', 'confirm:grant:unit'],
    },
    { to: '/admin/enheder', label: t('nav.units'), permission: 'manage:org:municipality' },
    // Administration for those who change the catalogue; the readers find it among their own pages below.
    { to: '/admin/faktorer', label: tf('nav.catalogue'), permission: 'manage:catalogue:municipality' },
    { to: '/admin/handleguide', label: tc('nav.handleguide'), permission: 'manage:handleguide:municipality' },
    { to: '/admin/advarselsregler', label: tc('nav.rules'), permission: 'manage:warning-rule:municipality' },
    { to: '/admin/frister', label: tn('nav.deadlines'), permission: 'manage:deadline:municipality' },
    {
      to: '/admin/oplysningstekster',
      label: tno('nav.texts'),
      permission: 'manage:notice-text:municipality',
    },
  ]);
  if (!can(me, 'manage:catalogue:municipality') && can(me, 'read:catalogue:municipality'))
    main.push({ to: '/admin/faktorer', label: tf('nav.catalogue') });
  const audit = visible([
    { to: '/admin/revisionslog', label: t('nav.audit'), permission: 'read:audit:municipality' },
  ]);

  return (
    <>
      <ul className="plain-list">
        {main.map((item) => (
          <NavItem key={item.to} {...item} />
        ))}
        {led.map(([unitId, unitName]) => (
          <UnitWellbeingItem
            key={unitId}
            unitId={unitId}
            label={led.length === 1 ? ta('nav.myUnit') : ta('nav.unitNamed', { unit: unitName })}
          />
        ))}
      </ul>
      {admin.length > 0 ? (
        <>
          <Text id="nav-admin" fw={700} size="sm" mt="md" mb={4} px="sm">
            {t('nav.admin')}
          </Text>
          <ul className="plain-list" aria-labelledby="nav-admin">
            {admin.map((item) => (
              <NavItem key={item.to} {...item} />
            ))}
          </ul>
        </>
      ) : null}
      {audit.length > 0 ? (
        <ul className="plain-list">
          {audit.map((item) => (
            <NavItem key={item.to} {...item} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
