// The CPR-in-text check lives with the sharing rule (anonymous consultations); an anonymous concern uses the same.
export { containsCpr, findCprNumbers } from '../sharing/anonymous-text.ts';
