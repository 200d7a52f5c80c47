import type { TDeadlineConfig } from '../../domain/deadlines/config.ts';

// Answers of the notification intake and deadline-settings endpoints: one definition for the server that
// builds them and the web app that reads them.

/** A child an intake worker may match a notification to. */
export interface TMatchCandidate {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  cprMasked: string;
  address: string | null;
}

/** The municipality's deadline lengths (the defaults while it has set none). */
export interface TDeadlineSettings extends TDeadlineConfig {
  /** 1 while the municipality uses the defaults (no row yet). */
  version: number;
  updatedAt: string | null;
}
