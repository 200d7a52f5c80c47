// Fictional but Danish-sounding data. Organisation names are invented, so none points at a real body.
// Lists are comma-separated strings so the formatter keeps them compact.
const list = (text: string): readonly string[] => text.split(/,\s*/);

export const GIRL_NAMES =
  list(`Emma, Ida, Clara, Freja, Alma, Agnes, Ella, Karla, Sofia, Olivia, Nora, Anna, Laura,
  Josefine, Lærke, Mathilde, Ellie, Aya, Isabella, Luna, Astrid, Esther, Frida, Marie, Asta, Liva, Emily, Victoria,
  Maja, Sara, Caroline, Cecilie, Signe, Silje, Vigga, Saga, Lea, Naja, Hannah, Filippa, Sigrid, Ingrid, Molly,
  Leonora, Johanne`);

export const BOY_NAMES = list(`William, Noah, Oscar, Lucas, Carl, Victor, Alfred, Malthe, Emil, Aksel, Oliver,
  Valdemar, August, Arthur, Elias, Magnus, Felix, Frederik, Villads, Theo, Anton, Alexander, Johan, Storm, Mikkel,
  Sebastian, Mads, Karl, Otto, Liam, Laurits, Hugo, Benjamin, Lukas, Marius, Adam, Ali, Milas, Bertram, Viggo,
  Konrad, Jakob, Asger, Tobias, Nikolaj`);

export const WOMEN_NAMES =
  list(`Mette, Louise, Camilla, Maria, Sarah, Julie, Anne, Line, Stine, Katrine, Maja,
  Christina, Pernille, Sofie, Helle, Trine, Rikke, Marianne, Tina, Nadia, Lene, Charlotte, Malene, Susanne, Mia,
  Cecilie, Ditte, Gitte, Hanne, Fatima, Sanne, Tanja, Lisbeth, Karina`);

export const MEN_NAMES =
  list(`Martin, Thomas, Jesper, Rasmus, Michael, Christian, Jacob, Søren, Anders, Morten,
  Henrik, Peter, Nicolai, Kasper, Jens, Lars, Brian, Kenneth, Daniel, Mathias, Simon, Jonas, Andreas, Kristian,
  Casper, Mikael, Jan, Rune, Allan, Steffen, Ahmed, Jeppe`);

export const LAST_NAMES = list(`Nielsen, Jensen, Hansen, Pedersen, Andersen, Christensen, Larsen, Sørensen,
  Rasmussen, Jørgensen, Petersen, Madsen, Kristensen, Olsen, Thomsen, Christiansen, Poulsen, Johansen, Møller,
  Mortensen, Knudsen, Jakobsen, Mikkelsen, Olesen, Frederiksen, Laursen, Henriksen, Lund, Schmidt, Holm, Kjær,
  Eriksen, Simonsen, Clausen, Svendsen, Andreasen, Iversen, Østergaard, Jeppesen, Vestergaard, Nissen, Lauridsen,
  Kristiansen, Mogensen, Skov, Dam, Bach, Berg, Bak, Winther, Kjeldsen, Lindberg, Friis, Mathiasen, Thorsen, Ali,
  Yilmaz`);

export const STREETS =
  list(`Birkevej, Møllegade, Skolevej, Kirkestræde, Engvej, Bøgeallé, Stationsvej, Ahornvej,
  Lærkevej, Søndergade, Nørregade, Vestergade, Østergade, Kastanjevej, Rosenvænget, Toftevej, Mosevej,
  Bakkedraget, Kildevej, Egevang, Hyldebærvej, Fasanvej, Havnegade, Granvej, Syrenvej, Teglværksvej, Åbrinken,
  Pilevej, Markvej, Solsortevej, Ringvejen, Hedevej`);

export const TOWNS =
  list(`Bakkeby, Egeslev, Lindholt, Østerå, Kildebjerg, Vesterlund, Fjordby, Hedelund, Mosebro,
  Skovlund, Strandhøj, Ravnsted`);

export const DISTRICTS = list('Nord, Syd, Centrum, Vest, Øst');

export const DAYCARE_NAMES = list(`Børnehuset Solsikken, Daginstitutionen Myretuen, Børnehaven Troldehøj,
  Børnehuset Regnbuen, Naturbørnehaven Skovsprutten, Børnehuset Mælkebøtten, Børnehaven Spiren,
  Børnehuset Kastanjen, Børnehuset Lærkereden, Børnehuset Humlebien, Børnehaven Æblehaven, Børnehuset Stjernen,
  Børnehuset Bikuben, Børnehaven Gøglerne, Børnehuset Bøgely, Børnehuset Hasselnødden, Daginstitutionen Spurvereden,
  Børnehuset Fyrtårnet, Børnehaven Mariehønen, Børnehuset Krudtuglen`);

export const NURSERY_GROUPS = list('Mariehønen, Frøerne, Egernene');
export const KINDERGARTEN_GROUPS = list('Sommerfuglene, Solstrålerne, Pindsvinene');

export const SCHOOL_NAMES =
  list(`Bakkeskolen, Engskolen, Skovvejens Skole, Højvangskolen, Kildeskolen, Lindeskolen,
  Søndervangskolen, Ådalskolen, Fjordskolen, Toftevangskolen, Rosenvængets Skole, Mosegårdskolen`);

export const CIVIL_SOCIETY_NAMES = list('Foreningen Brobyggerne, Lektiecaféen Fællesskab');

/** The demo user for each role: alliterative Danish job titles make the role obvious at login. */
export const ROLE_PERSONAS = {
  professional: 'Pia Pædagog',
  unitLeader: 'Lars Leder',
  caseworker: 'Rikke Rådgiver',
  caseworkManager: 'Mads Myndighedsleder',
  reviewer: 'Susanne Sagsgennemgang',
  analyst: 'Anders Analytiker',
  admin: 'Anne Administrator',
  partner: 'Frida Frivillig',
  conferenceCoordinator: 'Karin Koordinator',
} as const;
