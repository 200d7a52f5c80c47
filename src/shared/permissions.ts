/** Roles of docs/domain.md. The permissions each role holds live in the database (role_permissions). */
export const ROLES = [
  'professional',
  'unitLeader',
  'caseworker',
  'caseworkManager',
  'reviewer',
  'analyst',
  'admin',
  'partner',
  'conferenceCoordinator',
] as const;
export type TRole = (typeof ROLES)[number];

/** Every permission the code asks for, as `action:entity:scope`. */
export const PERMISSIONS = [
  'read:org:municipality',
  'read:child:unit',
  'reveal:cpr:unit',
  'write:child:unit',
  'manage:org:municipality',
  'manage:user:municipality',
  'confirm:grant:unit',
  'read:audit:municipality',
  'read:catalogue:municipality',
  'manage:catalogue:municipality',
  'manage:round:municipality',
  'manage:round:unit',
  'read:round:unit',
  'write:assessment:unit',
  'read:assessment:unit',
  'lock:assessment:unit',
  'read:measurement:unit',
  'read:measurement:municipality',
  'write:concern:unit',
  'read:concern:unit',
  'read:handleguide:municipality',
  'manage:handleguide:municipality',
  'read:warning-rule:municipality',
  'manage:warning-rule:municipality',
  'read:alert:own',
  'manage:coordinator:unit',
  'write:notification:unit',
  'read:notification:own',
  'read:notification:municipality',
  'assess:notification:municipality',
  'read:deadline:municipality',
  'manage:deadline:municipality',
  'read:consent:unit',
  'write:consent:unit',
  'manage:meeting:unit',
  'read:meeting:own',
  'write:minutes:own',
  'read:practice:unit',
  'read:practice:municipality',
  'read:letter:municipality',
  'manage:letter:municipality',
  'read:case:team',
  'write:case:team',
  'manage:case:team',
  'read:compliance:municipality',
  'read:offer:municipality',
  'manage:offer:municipality',
  'write:offer:own',
  'write:offer:provider',
  'export:offer:municipality',
  'read:capacity:municipality',
  'read:learning:municipality',
  'decide:offer:municipality',
  'read:referral:unit',
  'write:referral:unit',
  'read:referral:team',
  'write:referral:team',
  'read:referral:provider',
  'answer:referral:provider',
  // Information notices (issue 23): the child's notices, exceptions, the leaders' follow-up, the texts.
  'read:notice:unit',
  'read:notice:team',
  'read:notice:municipality',
  'write:notice-exception:unit',
  'write:notice-exception:team',
  'manage:notice:unit',
  'manage:notice:team',
  'manage:notice-text:municipality',
  // Network persons (issue 16): the child's network, by unit or by team; the age of the child's own agreement.
  'read:network:unit',
  'write:network:unit',
  'read:network:team',
  'write:network:team',
  'manage:network-settings:municipality',
  // Family group conferences (issue 16, item 4): referred and approved by unit or by team, run by the coordinator.
  'read:conference:unit',
  'write:conference:unit',
  'read:conference:team',
  'write:conference:team',
  'coordinate:conference:own',
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

/** Rounds and assessments. */
const ASSESSOR: readonly TPermission[] = ['read:round:unit', 'write:assessment:unit', 'read:assessment:unit'];
/** Concerns, handleguide and alerts. */
const HANDLEGUIDE_READER: readonly TPermission[] = ['read:handleguide:municipality', 'read:alert:own'];
const CONCERNS: readonly TPermission[] = ['write:concern:unit', 'read:concern:unit', ...HANDLEGUIDE_READER];
/** Notifications and deadline settings. */
const NOTIFIER: readonly TPermission[] = ['write:notification:unit', 'read:notification:own'];
const INTAKE: readonly TPermission[] = [
  'read:notification:municipality',
  'assess:notification:municipality',
  'read:deadline:municipality',
];
/** Consents, meetings, my work. */
const CONSENTS: readonly TPermission[] = ['read:consent:unit', 'write:consent:unit'];
const MEETING_PARTICIPANT: readonly TPermission[] = ['read:meeting:own', 'write:minutes:own'];
/** The letters outbox. */
const OUTBOX: readonly TPermission[] = ['read:letter:municipality', 'manage:letter:municipality'];
/** Cases. */
const CASEWORK: readonly TPermission[] = ['read:case:team', 'write:case:team'];
/** Offers (issue 15): everyone reads the catalogue, owners maintain their offers. */
const OFFER_OWNER: readonly TPermission[] = ['read:offer:municipality', 'write:offer:own'];
/** Intervention learning (issue 15, item 9): leaders read the figures and decide per offer. */
const OFFER_LEARNING: readonly TPermission[] = ['read:learning:municipality', 'decide:offer:municipality'];
/** Referrals (issue 15): the units' and the teams' referrers. */
const UNIT_REFERRER: readonly TPermission[] = ['read:referral:unit', 'write:referral:unit'];
const TEAM_REFERRER: readonly TPermission[] = ['read:referral:team', 'write:referral:team'];
/** Information notices (issue 23): the child's notices and exceptions, by unit or by team. */
const NOTICE_UNIT: readonly TPermission[] = ['read:notice:unit', 'write:notice-exception:unit'];
const NOTICE_TEAM: readonly TPermission[] = ['read:notice:team', 'write:notice-exception:team'];
/** Network persons (issue 16): the child's network, by unit or by team. */
const NETWORK_UNIT: readonly TPermission[] = ['read:network:unit', 'write:network:unit'];
const NETWORK_TEAM: readonly TPermission[] = ['read:network:team', 'write:network:team'];
/** Family group conferences (issue 16): referred and approved by unit or by team. */
const CONFERENCE_UNIT: readonly TPermission[] = ['read:conference:unit', 'write:conference:unit'];
const CONFERENCE_TEAM: readonly TPermission[] = ['read:conference:team', 'write:conference:team'];
/**
 * What each role may do: the grants the migrations write into `role_permissions` (the database is what the
 * server asks at sign-in). The endpoint × role matrix derives every expected answer from this table and the
 * route table, and checks that the database holds exactly this (tests/integration/authorization-matrix.test.ts).
 */
export const ROLE_PERMISSIONS: Readonly<Record<TRole, readonly TPermission[]>> = {
  professional: [
    'read:org:municipality',
    'read:child:unit',
    'reveal:cpr:unit',
    'read:catalogue:municipality',
    ...ASSESSOR,
    ...CONCERNS,
    ...NOTIFIER,
    ...CONSENTS,
    ...MEETING_PARTICIPANT,
    ...OFFER_OWNER,
    ...UNIT_REFERRER,
    ...NOTICE_UNIT,
    ...NETWORK_UNIT,
    ...CONFERENCE_UNIT,
    'coordinate:conference:own',
  ],
  unitLeader: [
    'read:org:municipality',
    'read:child:unit',
    'reveal:cpr:unit',
    'write:child:unit',
    'read:catalogue:municipality',
    ...ASSESSOR,
    'manage:round:unit',
    'lock:assessment:unit',
    'read:measurement:unit',
    ...CONCERNS,
    'read:warning-rule:municipality',
    'manage:coordinator:unit',
    ...NOTIFIER,
    ...CONSENTS,
    ...MEETING_PARTICIPANT,
    'manage:meeting:unit',
    'read:practice:unit',
    'confirm:grant:unit',
    ...OFFER_OWNER,
    'export:offer:municipality',
    'read:capacity:municipality',
    ...OFFER_LEARNING,
    ...UNIT_REFERRER,
    ...NOTICE_UNIT,
    'manage:notice:unit',
    ...NETWORK_UNIT,
    ...CONFERENCE_UNIT,
  ],
  caseworker: [
    'read:org:municipality',
    'read:catalogue:municipality',
    ...HANDLEGUIDE_READER,
    ...INTAKE,
    ...MEETING_PARTICIPANT,
    ...CASEWORK,
    ...OFFER_OWNER,
    ...TEAM_REFERRER,
    ...NOTICE_TEAM,
    ...NETWORK_TEAM,
    ...CONFERENCE_TEAM,
    'coordinate:conference:own',
  ],
  caseworkManager: [
    'read:org:municipality',
    'read:catalogue:municipality',
    'read:measurement:municipality',
    ...HANDLEGUIDE_READER,
    ...INTAKE,
    ...MEETING_PARTICIPANT,
    'read:practice:municipality',
    ...OUTBOX,
    ...CASEWORK,
    'manage:case:team',
    'read:compliance:municipality',
    ...OFFER_OWNER,
    'export:offer:municipality',
    'read:capacity:municipality',
    ...OFFER_LEARNING,
    ...TEAM_REFERRER,
    ...NOTICE_TEAM,
    'manage:notice:team',
    ...NETWORK_TEAM,
    ...CONFERENCE_TEAM,
  ],
  reviewer: [
    'read:org:municipality',
    'read:catalogue:municipality',
    'read:alert:own',
    'read:offer:municipality',
  ],
  analyst: [
    'read:org:municipality',
    'read:catalogue:municipality',
    'read:measurement:municipality',
    'read:alert:own',
    'read:practice:municipality',
    'read:compliance:municipality',
    'read:offer:municipality',
    'export:offer:municipality',
    'read:capacity:municipality',
    'read:learning:municipality',
    'read:notice:municipality',
  ],
  admin: [
    'read:org:municipality',
    'manage:org:municipality',
    'manage:user:municipality',
    'read:audit:municipality',
    'read:catalogue:municipality',
    'manage:catalogue:municipality',
    'manage:round:municipality',
    ...HANDLEGUIDE_READER,
    'manage:handleguide:municipality',
    'read:warning-rule:municipality',
    'manage:warning-rule:municipality',
    'read:deadline:municipality',
    'manage:deadline:municipality',
    'read:offer:municipality',
    'manage:offer:municipality',
    'export:offer:municipality',
    'manage:notice-text:municipality',
    'manage:network-settings:municipality',
  ],
  partner: [
    'read:org:municipality',
    'read:alert:own',
    'read:offer:municipality',
    'write:offer:provider',
    'read:referral:provider',
    'answer:referral:provider',
  ],
  // A coordinator of family group conferences, possibly from outside the municipality: only the conferences
  // they coordinate; never a concern, an assessment or a case.
  conferenceCoordinator: ['read:org:municipality', 'coordinate:conference:own'],
};

export const UNIT_KINDS = [
  'daycare',
  'school',
  'healthVisiting',
  'ppr',
  'leisure',
  'ssp',
  'socialServices',
  'civilSociety',
] as const;
export type TUnitKind = (typeof UNIT_KINDS)[number];
