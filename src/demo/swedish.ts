/**
 * Swedish names, streets, cities and postal codes for the synthetic dataset. Only Latin-1
 * characters, so every file can also be written as Windows-1252.
 */

export const FIRST_NAMES_F = ['Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Lena', 'Emma', 'Kerstin', 'Ingrid', 'Marie', 'Malin', 'Jenny', 'Birgitta', 'Hanna', 'Linda', 'Elin', 'Sofia', 'Annika', 'Ida', 'Susanne', 'Johanna', 'Inger', 'Ulla', 'Camilla', 'Elisabeth', 'Åsa', 'Frida', 'Therese', 'Julia', 'Amanda', 'Ebba', 'Alva', 'Maja', 'Agnes', 'Astrid', 'Märta', 'Signe', 'Fatima', 'Amina', 'Leyla', 'Nour', 'Yasmin', 'Mirja', 'Helén', 'Zeynep'];
export const FIRST_NAMES_M = ['Erik', 'Lars', 'Karl', 'Anders', 'Johan', 'Per', 'Nils', 'Mikael', 'Jan', 'Hans', 'Lennart', 'Peter', 'Olof', 'Gunnar', 'Sven', 'Fredrik', 'Bengt', 'Daniel', 'Stefan', 'Mats', 'Magnus', 'Björn', 'Göran', 'Oskar', 'Axel', 'Viktor', 'Henrik', 'Jonas', 'Andreas', 'Mattias', 'Håkan', 'Ulf', 'Tomas', 'Jörgen', 'Ahmed', 'Mohammed', 'Ali', 'Omar', 'Hassan', 'Mehmet', 'Dragan', 'Zoran', 'Juha', 'Ismail', 'Abdi'];
export const SURNAMES = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Olofsson', 'Lindström', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund', 'Danielsson', 'Lundin', 'Håkansson', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson', 'Fransson', 'Bergqvist', 'Nyström', 'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson', 'Nordström', 'Mårtensson', 'Lundström', 'Ali', 'Mohammed', 'Hassan', 'Yilmaz', 'Ahmadi', 'Virtanen', 'Nieminen', 'Kovacevic', 'Ekström', 'Hedlund', 'Åberg', 'Öberg', 'Strand', 'Falk', 'Sundberg'];

/** Street names used by the background population. */
export const STREETS = ['Storgatan', 'Kungsgatan', 'Drottninggatan', 'Skolgatan', 'Kyrkogatan', 'Järnvägsgatan', 'Nygatan', 'Vasagatan', 'Parkvägen', 'Björkvägen', 'Tallvägen', 'Granvägen', 'Ekvägen', 'Lönnvägen', 'Aspvägen', 'Rönnvägen', 'Almvägen', 'Hagvägen', 'Ängsvägen', 'Skogsvägen', 'Sjövägen', 'Bergsgatan', 'Östra Långgatan', 'Västra Vägen', 'Norra Allén', 'Södra Promenaden', 'Industrigatan', 'Fabriksgatan', 'Verkstadsgatan', 'Hamngatan', 'Strandvägen', 'Bruksgatan', 'Torggatan', 'Prästgårdsvägen', 'Kvarngatan', 'Smedjegatan', 'Gärdesvägen', 'Solvägen', 'Ringvägen', 'Idrottsvägen', 'Lärkvägen', 'Trastvägen', 'Svalvägen', 'Fiskaregatan', 'Mästargatan', 'Renstiernas gata', 'Götgatan', 'Hornsgatan', 'Odengatan', 'Sveavägen', 'Karlavägen', 'Linnégatan', 'Vallgatan', 'Köpmangatan', 'Rådhusgatan', 'Slottsgatan', 'Klostergatan', 'Gamla Vägen', 'Backvägen', 'Dalvägen', 'Myrvägen', 'Stationsvägen', 'Mejerivägen', 'Postvägen', 'Bygatan', 'Lingonvägen', 'Blåbärsvägen', 'Hallonvägen', 'Vallmovägen', 'Klövervägen', 'Furuvägen', 'Enebacken', 'Häggvägen', 'Syrenvägen', 'Sjöbacken', 'Hästhagsvägen', 'Åkervägen', 'Mossvägen', 'Utsiktsvägen', 'Kaptensgatan'];

/** Street names reserved for planted cases, never used by the background (no accidental matches). */
export const PLANTED_STREETS = ['Vintergatan', 'Kometvägen', 'Polstjärnegatan', 'Månskensvägen', 'Stjärnbilden', 'Norrskensgatan', 'Solfjädersvägen', 'Ljungstigen', 'Kastanjegränd', 'Pilbågsgatan', 'Harpungatan', 'Kompassvägen', 'Sextantgatan', 'Ankarvägen', 'Fyrvaktarvägen', 'Tidvattensgatan'];

/** Cities with a few real postal code prefixes; big cities have more codes (more addresses). */
export const CITIES: readonly { city: string; municipality: string; codes: readonly string[] }[] = [
  { city: 'Stockholm', municipality: 'Stockholm', codes: ['11122', '11135', '11151', '11220', '11226', '11237', '11346', '11360', '11428', '11453', '11520', '11639', '11664', '11730', '11760', '11822', '11850', '12030', '12141', '12634'] },
  { city: 'Göteborg', municipality: 'Göteborg', codes: ['41101', '41120', '41137', '41251', '41263', '41301', '41318', '41455', '41473', '41502', '41664', '41705', '41756', '42131'] },
  { city: 'Malmö', municipality: 'Malmö', codes: ['21119', '21120', '21141', '21211', '21413', '21428', '21537', '21621', '21745', '21774'] },
  { city: 'Uppsala', municipality: 'Uppsala', codes: ['75220', '75310', '75320', '75423', '75595', '75647'] },
  { city: 'Västerås', municipality: 'Västerås', codes: ['72211', '72213', '72215', '72219', '72348', '72481'] },
  { city: 'Örebro', municipality: 'Örebro', codes: ['70210', '70215', '70361', '70374', '70229'] },
  { city: 'Linköping', municipality: 'Linköping', codes: ['58222', '58246', '58330', '58437', '58597'] },
  { city: 'Helsingborg', municipality: 'Helsingborg', codes: ['25220', '25225', '25437', '25656'] },
  { city: 'Jönköping', municipality: 'Jönköping', codes: ['55318', '55320', '55447', '55612'] },
  { city: 'Norrköping', municipality: 'Norrköping', codes: ['60221', '60224', '60360', '60597'] },
  { city: 'Lund', municipality: 'Lund', codes: ['22220', '22350', '22474', '22647'] },
  { city: 'Umeå', municipality: 'Umeå', codes: ['90326', '90329', '90422', '90736'] },
  { city: 'Gävle', municipality: 'Gävle', codes: ['80311', '80320', '80428', '80646'] },
  { city: 'Borås', municipality: 'Borås', codes: ['50330', '50338', '50455', '50630'] },
  { city: 'Södertälje', municipality: 'Södertälje', codes: ['15130', '15148', '15161', '15257'] },
  { city: 'Eskilstuna', municipality: 'Eskilstuna', codes: ['63220', '63221', '63345', '63508'] },
  { city: 'Halmstad', municipality: 'Halmstad', codes: ['30231', '30244', '30262'] },
  { city: 'Växjö', municipality: 'Växjö', codes: ['35230', '35236', '35252'] },
  { city: 'Karlstad', municipality: 'Karlstad', codes: ['65224', '65225', '65340'] },
  { city: 'Sundsvall', municipality: 'Sundsvall', codes: ['85230', '85238', '85350'] },
  { city: 'Luleå', municipality: 'Luleå', codes: ['97231', '97233', '97345'] },
  { city: 'Östersund', municipality: 'Östersund', codes: ['83130', '83134', '83145'] },
  { city: 'Trollhättan', municipality: 'Trollhättan', codes: ['46130', '46132', '46158'] },
  { city: 'Kalmar', municipality: 'Kalmar', codes: ['39231', '39234', '39353'] },
  { city: 'Kristianstad', municipality: 'Kristianstad', codes: ['29131', '29133', '29143'] },
  { city: 'Skellefteå', municipality: 'Skellefteå', codes: ['93131', '93132', '93135'] },
  { city: 'Falun', municipality: 'Falun', codes: ['79131', '79171', '79174'] },
  { city: 'Nyköping', municipality: 'Nyköping', codes: ['61130', '61132', '61137'] },
  { city: 'Solna', municipality: 'Solna', codes: ['17148', '16973', '17141'] },
  { city: 'Botkyrka', municipality: 'Botkyrka', codes: ['14730', '14553', '14566'] },
  { city: 'Kiruna', municipality: 'Kiruna', codes: ['98131', '98132'] },
  { city: 'Visby', municipality: 'Gotland', codes: ['62155', '62157'] },
];

/** Flat list of (postal code, city) pairs. */
export const POSTAL_CODES: readonly { code: string; city: string; municipality: string }[] = CITIES.flatMap((c) => c.codes.map((code) => ({ code, city: c.city, municipality: c.municipality })));

export const COMPANY_WORDS = ['Nordisk', 'Svea', 'Solbacka', 'Ljusglimten', 'Granen', 'Björkhagen', 'Trygg', 'Omtanke', 'Framtid', 'Vägledning', 'Hemmet', 'Solrosen', 'Lindö', 'Ekbacken', 'Fjällbris', 'Havsbris', 'Skogsglänta', 'Mälardalens', 'Norrlands', 'Västkust', 'Öresund', 'Kronan', 'Vasa', 'Gyllene', 'Bästa', 'Kvalitets', 'Smart', 'Nova', 'Allt i', 'Linnea', 'Stjärnan', 'Regnbågen', 'Bryggan', 'Navet', 'Klippan', 'Ankaret', 'Kompassen', 'Fyren', 'Viljan', 'Samverkan'];
export const COMPANY_TRADES = ['Bygg', 'Måleri', 'Städ', 'Konsult', 'Transport', 'Elektriska', 'Fastigheter', 'Invest', 'Data', 'Redovisning', 'Restaurang', 'Handel', 'Frisör', 'VVS', 'Åkeri', 'Media', 'Trädgård', 'Import', 'Plåt', 'Snickeri', 'Catering', 'Bilservice', 'Design', 'Event', 'Säkerhet'];

/** Business names by licence kind, and the SNI code such a company usually has. */
export const CARE_TRADES: Record<string, { words: readonly string[]; sni: string }> = {
  hvb_children: { words: ['HVB', 'Ungdomshem', 'Behandlingshem'], sni: '87901' },
  hvb_adults: { words: ['Behandlingscenter', 'HVB', 'Vårdhem'], sni: '87203' },
  supported_housing: { words: ['Stödboende', 'Boende', 'Ungdomsboende'], sni: '87901' },
  lss_housing_children: { words: ['Barnboende', 'LSS-boende', 'Korttidshem'], sni: '87301' },
  lss_housing_adults: { words: ['Gruppbostad', 'LSS-boende', 'Omsorg'], sni: '87302' },
  personal_assistance: { words: ['Assistans', 'Personlig Assistans', 'Assistansbolag'], sni: '88101' },
  home_care: { words: ['Hemtjänst', 'Omsorg', 'Hemservice'], sni: '88101' },
  relief_service: { words: ['Avlösning', 'Omsorg'], sni: '88102' },
  escort_service: { words: ['Ledsagning', 'Ledsagarservice'], sni: '88102' },
  short_stay: { words: ['Korttidsboende', 'Korttidshem'], sni: '87301' },
  consultant_support: { words: ['Familjehemskonsulent', 'Familjevård', 'Konsulentstöd'], sni: '88991' },
  care_provider: { words: ['Vårdcentral', 'Läkarhus', 'Hälsa', 'Vård'], sni: '86211' },
  aesthetic_clinic: { words: ['Skönhetsklinik', 'Estetik', 'Klinik'], sni: '86901' },
  dental_care: { words: ['Tandvård', 'Tandläkarna', 'Tandklinik'], sni: '86230' },
  other: { words: ['Omsorg', 'Stöd', 'Vård'], sni: '88999' },
};

export const PAYERS = ['Stockholms stad', 'Göteborgs Stad', 'Malmö stad', 'Uppsala kommun', 'Västerås stad', 'Örebro kommun', 'Linköpings kommun', 'Botkyrka kommun', 'Södertälje kommun', 'Eskilstuna kommun', 'Försäkringskassan', 'Region Stockholm', 'Region Skåne'];
