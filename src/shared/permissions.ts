/** Roles of domain.md. The permissions each role holds live in the database (role_permissions). */
export const ROLES = [
  'professional',
  'unitLeader',
  'caseworker',
  'caseworkManager',
  'reviewer',
  'analyst',
  'admin',
  'partner',
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
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

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
