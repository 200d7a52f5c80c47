import { randomInt } from 'node:crypto';

// No 0/O or 1/I: a reference read aloud over the phone stays unambiguous.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A short reference the notifier can quote, e.g. U-7K3M9Q (unique per municipality in the database). */
export function newNotificationReference(): string {
  let s = 'U-';
  for (let i = 0; i < 6; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
