import type { TSession } from '../../domain/offers/offer-rules.ts';
import type { TOfferAccess, TOfferStatus, TProviderKind } from './offers.ts';

// The answers of the offers endpoints: one definition for the server that builds them and the web app that
// reads them.

export interface TOfferKind {
  code: string;
  labelDa: string;
  labelEn: string;
  /** Attendance counts as organised leisure or a leisure job. */
  leisure: boolean;
  active: boolean;
  position: number;
  version: number;
}

export interface TProvider {
  id: string;
  name: string;
  kind: TProviderKind;
  unit: { id: string; name: string } | null;
  description: string;
  website: string;
  email: string;
  phone: string;
  active: boolean;
  offerCount: number;
  version: number;
}

export interface TProviderMember {
  userId: string;
  name: string;
  email: string;
  addedAt: string;
}

export interface TProviderDetail extends TProvider {
  members: TProviderMember[];
}

export interface TOffer {
  id: string;
  provider: { id: string; name: string; kind: TProviderKind };
  kind: string;
  kindLabel: string;
  name: string;
  description: string;
  ageFrom: number;
  ageTo: number;
  eligibility: string;
  costDkk: number;
  costNote: string;
  leisurePass: boolean;
  district: { id: string; name: string } | null;
  placeName: string;
  address: string;
  postalCode: string;
  city: string;
  schedule: TSession[];
  scheduleNote: string;
  languages: string[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  access: TOfferAccess;
  status: TOfferStatus;
  capacity: { total: number; free: number; updatedAt: string } | null;
  factors: { code: string; label: string }[];
  owner: { id: string; name: string } | null;
  /** May the user edit this offer (admin, its owner, a partner of its provider)? */
  canEdit: boolean;
  updatedAt: string;
  version: number;
}
