// The answers of the children endpoints: one definition for the server that builds them and the web app
// that reads them.

/** One child in a search result: the CPR number only masked. */
export interface TChildListItem {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: string;
  cprMasked: string;
  units: { id: string; name: string }[];
}
