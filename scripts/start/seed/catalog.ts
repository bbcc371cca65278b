/**
 * The demo catalog `npm start` seeds. Every title and every film in it is invented for Marquee.
 * Every title has its own 720p clip under `media/clips/` (its name as an opening card, its genre's moving
 * pattern in its palette, a running timecode) as long as `durationSeconds` says, and each trailer is a cut of
 * its title's clip; posters and backdrops are generated per title under `media/art/`. All by
 * `scripts/start/seed/generate-media.ts`.
 */

export type GenreName =
  | 'ACTION'
  | 'ADVENTURE'
  | 'ANIMATION'
  | 'COMEDY'
  | 'CRIME'
  | 'DOCUMENTARY'
  | 'DRAMA'
  | 'FAMILY'
  | 'FANTASY'
  | 'HORROR'
  | 'MYSTERY'
  | 'ROMANCE'
  | 'SCIENCE_FICTION'
  | 'THRILLER'
  | 'WESTERN';

export type MaturityRatingName = 'ALL' | 'AGE_7' | 'AGE_13' | 'AGE_16' | 'AGE_18';

/** The moving pattern a title's clip is drawn from: its mood. */
export type ClipMood = 'aurora' | 'circuit' | 'ember' | 'tide' | 'lattice' | 'signal' | 'prism' | 'drift';

/** A trailer: a cut of its title's clip, as long as `durationSeconds` says. */
export interface SeedTrailer {
  readonly title: string;
  readonly durationSeconds: number;
}

export interface SeedTitle {
  /** Stable slug: names the generated art files. */
  readonly slug: string;
  readonly title: string;
  readonly synopsis: string;
  readonly year: number;
  readonly genres: readonly GenreName[];
  readonly maturityRating: MaturityRatingName;
  /** Searchable tags, cast (billing order) and directors; every name is invented. */
  readonly tags: readonly string[];
  readonly cast: readonly string[];
  readonly directors: readonly string[];
  /** The running time of its committed clip (the pipeline measures it again and stores what it measured). */
  readonly durationSeconds: number;
  readonly mood: ClipMood;
  readonly trailers: readonly SeedTrailer[];
  /** Two colours (hex) for the generated poster and backdrop. */
  readonly palette: readonly [string, string];
}

const trailer = (title = 'Official trailer', durationSeconds = 10): SeedTrailer => ({
  title,
  durationSeconds,
});

export const SEED_CATALOG: readonly SeedTitle[] = [
  {
    slug: 'the-last-lighthouse',
    title: 'The Last Lighthouse',
    synopsis:
      'On a storm-battered island, the final keeper of an automated lighthouse discovers the beam is guiding something that is not a ship.',
    year: 2021,
    genres: ['MYSTERY', 'THRILLER'],
    maturityRating: 'AGE_13',
    tags: ['island', 'storm', 'lighthouse keeper'],
    cast: ['Maren Okafor', 'Tobias Lindqvist', 'Iris Achterberg'],
    directors: ['Saoirse Vellan'],
    durationSeconds: 26,
    mood: 'tide',
    trailers: [trailer(), trailer('Teaser', 10)],
    palette: ['#0b1d3a', '#f2c14e'],
  },
  {
    slug: 'paper-moons',
    title: 'Paper Moons',
    synopsis:
      'Two rival origami artists are paired for a festival installation and slowly fold their grudges into something gentler.',
    year: 2019,
    genres: ['ROMANCE', 'COMEDY'],
    maturityRating: 'ALL',
    tags: ['origami', 'rivals to lovers', 'festival'],
    cast: ['Juno Haverford', 'Rafael Quintero', 'Mei Tanabe'],
    directors: ['Colette Marchand'],
    durationSeconds: 22,
    mood: 'prism',
    trailers: [trailer()],
    palette: ['#f7d6e0', '#6a4c93'],
  },
  {
    slug: 'iron-orchard',
    title: 'Iron Orchard',
    synopsis:
      'A retired safecracker takes one last job inside a vault built beneath an apple orchard, and the trees remember everything.',
    year: 2023,
    genres: ['CRIME', 'THRILLER'],
    maturityRating: 'AGE_16',
    tags: ['heist', 'safecracker', 'one last job'],
    cast: ['Gideon Farrow', 'Lucía Benavente', 'Otis Kremer'],
    directors: ['Anselm Rook'],
    durationSeconds: 30,
    mood: 'circuit',
    trailers: [trailer()],
    palette: ['#1f2421', '#b5651d'],
  },
  {
    slug: 'starfall-academy',
    title: 'Starfall Academy',
    synopsis:
      'Cadets at an orbital flight school must land a crippled training ship after their instructor vanishes mid-lesson.',
    year: 2024,
    genres: ['SCIENCE_FICTION', 'ADVENTURE'],
    maturityRating: 'AGE_7',
    tags: ['space', 'cadets', 'survival'],
    cast: ['Priya Castellanos', 'Ezra Whitlock', 'Nadia Solberg'],
    directors: ['Kenji Arbuckle'],
    durationSeconds: 24,
    mood: 'aurora',
    trailers: [trailer(), trailer('Behind the scenes', 12)],
    palette: ['#10002b', '#7b2cbf'],
  },
  {
    slug: 'dust-and-thunder',
    title: 'Dust and Thunder',
    synopsis:
      'A frontier postmistress rides across a drought-struck territory to deliver the one letter that can stop a range war.',
    year: 2017,
    genres: ['WESTERN', 'DRAMA'],
    maturityRating: 'AGE_13',
    tags: ['frontier', 'drought', 'range war'],
    cast: ['Hattie Coburn', 'Silas Redcliffe', 'Amos Dorrance'],
    directors: ['Wren Halloway'],
    durationSeconds: 32,
    mood: 'ember',
    trailers: [trailer()],
    palette: ['#6b2d0c', '#e9c46a'],
  },
  {
    slug: 'the-quiet-floor',
    title: 'The Quiet Floor',
    synopsis:
      'Night staff at a hospital notice that the sealed fourth floor keeps asking for more linen, and more visitors.',
    year: 2022,
    genres: ['HORROR', 'MYSTERY'],
    maturityRating: 'AGE_18',
    tags: ['hospital', 'haunting', 'night shift'],
    cast: ['Delphine Arkwright', 'Marcus Obuya', 'Tess Vandermeer'],
    directors: ['Ilse Grunewald'],
    durationSeconds: 20,
    mood: 'drift',
    trailers: [trailer()],
    palette: ['#0d0d0d', '#8d0801'],
  },
  {
    slug: 'pocket-dragons',
    title: 'Pocket Dragons',
    synopsis:
      'A girl who collects buttons finds a dragon small enough to sleep in a thimble and big enough to change her town.',
    year: 2020,
    genres: ['ANIMATION', 'FAMILY', 'FANTASY'],
    maturityRating: 'ALL',
    tags: ['dragons', 'friendship', 'small town'],
    cast: ['Poppy Elwood', 'Benedikt Strauss', 'Ama Mensah'],
    directors: ['Hugo Penhallow'],
    durationSeconds: 21,
    mood: 'prism',
    trailers: [trailer(), trailer('Sing-along clip', 10)],
    palette: ['#2a9d8f', '#e76f51'],
  },
  {
    slug: 'deep-current',
    title: 'Deep Current',
    synopsis:
      'A year with the scientists mapping the coldest ocean current on Earth, from a research ship that is never quite warm.',
    year: 2018,
    genres: ['DOCUMENTARY'],
    maturityRating: 'ALL',
    tags: ['ocean', 'science', 'expedition'],
    cast: ['Dr. Signe Halvorsen', 'Dr. Kwame Asante'],
    directors: ['Rosalind Etherby'],
    durationSeconds: 28,
    mood: 'tide',
    trailers: [trailer()],
    palette: ['#023e8a', '#90e0ef'],
  },
  {
    slug: 'nine-lives-of-otto',
    title: 'The Nine Lives of Otto',
    synopsis:
      'A cat with a gambling habit spends his remaining lives trying to win back the family house he lost at cards.',
    year: 2016,
    genres: ['COMEDY', 'FAMILY'],
    maturityRating: 'AGE_7',
    tags: ['cats', 'gambling', 'family'],
    cast: ['Barnaby Quill', 'Clementine Ashdown', 'Felix Moreau'],
    directors: ['Ottilie Brandt'],
    durationSeconds: 23,
    mood: 'lattice',
    trailers: [trailer()],
    palette: ['#ffb703', '#023047'],
  },
  {
    slug: 'glass-kingdom',
    title: 'Glass Kingdom',
    synopsis:
      'The heir to a kingdom where every wall is transparent must hide a secret from a court that sees everything.',
    year: 2022,
    genres: ['FANTASY', 'DRAMA'],
    maturityRating: 'AGE_13',
    tags: ['royalty', 'secrets', 'court intrigue'],
    cast: ['Aurelia Vance', 'Cassius Thorne', 'Linnea Fjell'],
    directors: ['Evander Sloane'],
    durationSeconds: 34,
    mood: 'aurora',
    trailers: [trailer()],
    palette: ['#caf0f8', '#0077b6'],
  },
  {
    slug: 'redline-protocol',
    title: 'Redline Protocol',
    synopsis:
      'A courier carrying a stolen drive across a city in lockdown has ninety minutes before every camera learns her face.',
    year: 2025,
    genres: ['ACTION', 'THRILLER'],
    maturityRating: 'AGE_16',
    tags: ['chase', 'surveillance', 'courier'],
    cast: ['Rhea Santoro', 'Dmitri Volkov', 'Jada Okonkwo'],
    directors: ['Marco Delacroix'],
    durationSeconds: 27,
    mood: 'circuit',
    trailers: [trailer(), trailer('Final trailer', 10)],
    palette: ['#03071e', '#dc2f02'],
  },
  {
    slug: 'saltwater-letters',
    title: 'Saltwater Letters',
    synopsis:
      'A lighthouse radio operator and a fisherman on the far coast fall in love one weather report at a time.',
    year: 2015,
    genres: ['ROMANCE', 'DRAMA'],
    maturityRating: 'AGE_7',
    tags: ['radio', 'long distance', 'coast'],
    cast: ['Elowen Tresize', 'Finn Calloway', 'Agnes Pruitt'],
    directors: ['Bríd Ní Mhaoil'],
    durationSeconds: 25,
    mood: 'tide',
    trailers: [trailer()],
    palette: ['#e0fbfc', '#3d5a80'],
  },
  {
    slug: 'the-clockmakers-son',
    title: "The Clockmaker's Son",
    synopsis:
      'Apprenticed to his estranged father, a young man learns that the family clocks do not measure time; they hold it.',
    year: 2014,
    genres: ['FANTASY', 'MYSTERY'],
    maturityRating: 'AGE_13',
    tags: ['clocks', 'father and son', 'time'],
    cast: ['Leopold Hartmann', 'Jonah Ellery', 'Greta Zimmermann'],
    directors: ['Ansel Kovač'],
    durationSeconds: 29,
    mood: 'lattice',
    trailers: [trailer()],
    palette: ['#3c2f2f', '#d4a373'],
  },
  {
    slug: 'orbit-of-two',
    title: 'Orbit of Two',
    synopsis:
      'The only two crew on a deep-space relay station stop speaking after an argument, with four years left on the mission.',
    year: 2023,
    genres: ['SCIENCE_FICTION', 'DRAMA'],
    maturityRating: 'AGE_13',
    tags: ['space station', 'isolation', 'two hander'],
    cast: ['Noor Haddad', 'Callum Brierley'],
    directors: ['Yara Lindgren'],
    durationSeconds: 22,
    mood: 'aurora',
    trailers: [trailer()],
    palette: ['#000814', '#ffc300'],
  },
  {
    slug: 'midnight-at-the-museum-of-sound',
    title: 'Midnight at the Museum of Sound',
    synopsis:
      'A night guard discovers that the exhibits in a museum of recorded sound replay the voices of everyone who ever visited.',
    year: 2019,
    genres: ['MYSTERY', 'FAMILY'],
    maturityRating: 'AGE_7',
    tags: ['museum', 'recordings', 'night guard'],
    cast: ['Oswin Blackwood', 'Dorothea Finch', 'Sami Rahman'],
    directors: ['Perpetua Lowe'],
    durationSeconds: 31,
    mood: 'signal',
    trailers: [trailer()],
    palette: ['#22223b', '#c9ada7'],
  },
  {
    slug: 'the-heist-at-hollow-creek',
    title: 'The Heist at Hollow Creek',
    synopsis:
      'Four retirees plan to rob the bank that foreclosed on their bowling alley, using only what they learned from television.',
    year: 2021,
    genres: ['CRIME', 'COMEDY'],
    maturityRating: 'AGE_13',
    tags: ['heist', 'retirees', 'bowling'],
    cast: ['Mabel Thornbury', 'Reginald Oyelaran', 'Vera Castellane', 'Hank Dubois'],
    directors: ['Lottie Ferguson'],
    durationSeconds: 24,
    mood: 'ember',
    trailers: [trailer()],
    palette: ['#386641', '#f2e8cf'],
  },
  {
    slug: 'wild-summit',
    title: 'Wild Summit',
    synopsis:
      'A climbing team attempts an unnamed peak in a single season, filmed by the one member who refused to summit.',
    year: 2020,
    genres: ['DOCUMENTARY', 'ADVENTURE'],
    maturityRating: 'ALL',
    tags: ['climbing', 'mountains', 'expedition'],
    cast: ['Tenzing Norbu Sherpa', 'Ingrid Aasen', 'Mateo Ibarra'],
    directors: ['Cormac Dunleavy'],
    durationSeconds: 26,
    mood: 'drift',
    trailers: [trailer()],
    palette: ['#f8f9fa', '#495057'],
  },
  {
    slug: 'hollowmere',
    title: 'Hollowmere',
    synopsis:
      'A family inherits a lakeside house where the reflections in the water are always one day ahead of the world.',
    year: 2024,
    genres: ['HORROR', 'DRAMA'],
    maturityRating: 'AGE_16',
    tags: ['lake house', 'reflections', 'inheritance'],
    cast: ['Beatrix Mallory', 'Owen Achebe', 'Sunniva Dahl'],
    directors: ['Ambrose Kettering'],
    durationSeconds: 20,
    mood: 'drift',
    trailers: [trailer(), trailer('Teaser', 10)],
    palette: ['#1b263b', '#778da9'],
  },
  {
    slug: 'rocket-and-rosie',
    title: 'Rocket and Rosie',
    synopsis:
      'A scrapyard robot and a stubborn grandmother build a rocket to deliver her famous pie to the Moon base.',
    year: 2022,
    genres: ['ANIMATION', 'COMEDY', 'SCIENCE_FICTION'],
    maturityRating: 'ALL',
    tags: ['robots', 'grandmother', 'moon'],
    cast: ['Rosalind Pike-Oduya', 'Barty Sprocket', 'Nell Abernathy'],
    directors: ['Teodor Wisniewski'],
    durationSeconds: 33,
    mood: 'prism',
    trailers: [trailer()],
    palette: ['#ff006e', '#3a86ff'],
  },
  {
    slug: 'the-long-ride-west',
    title: 'The Long Ride West',
    synopsis:
      'A bounty hunter and the outlaw she was paid to catch must cross the mountains together before the first snow.',
    year: 2013,
    genres: ['WESTERN', 'ADVENTURE'],
    maturityRating: 'AGE_13',
    tags: ['bounty hunter', 'outlaw', 'mountains'],
    cast: ['Josephine Harlan', 'Eli Blackhorse', 'Cyrus Matheson'],
    directors: ['Delia Montgomery'],
    durationSeconds: 23,
    mood: 'ember',
    trailers: [trailer()],
    palette: ['#9c6644', '#ede0d4'],
  },
  {
    slug: 'static-bloom',
    title: 'Static Bloom',
    synopsis:
      'A radio astronomer receives a signal shaped like a flower and must decide whether to answer it before her funding ends.',
    year: 2025,
    genres: ['SCIENCE_FICTION', 'MYSTERY'],
    maturityRating: 'AGE_13',
    tags: ['radio astronomy', 'first contact', 'signal'],
    cast: ['Dr. Anika Sorensen', 'Theo Marchetti', 'Grace Adebayo'],
    directors: ['Ilya Petrovic'],
    durationSeconds: 28,
    mood: 'signal',
    trailers: [trailer()],
    palette: ['#240046', '#ff9e00'],
  },
  {
    slug: 'breakwater',
    title: 'Breakwater',
    synopsis:
      'When a harbour town is cut off by a storm surge, a disgraced coast guard captain leads the last boat out.',
    year: 2018,
    genres: ['ACTION', 'DRAMA'],
    maturityRating: 'AGE_13',
    tags: ['storm surge', 'rescue', 'coast guard'],
    cast: ['Declan Rourke', 'Marisol Vega', 'Henrik Aalto'],
    directors: ['Fiona Blackwell'],
    durationSeconds: 25,
    mood: 'tide',
    trailers: [trailer()],
    palette: ['#14213d', '#fca311'],
  },
  {
    slug: 'kitchen-of-small-wonders',
    title: 'Kitchen of Small Wonders',
    synopsis:
      'A failing restaurant hires a chef whose dishes make diners remember the best day of their lives, one plate at a time.',
    year: 2017,
    genres: ['COMEDY', 'ROMANCE', 'FANTASY'],
    maturityRating: 'AGE_7',
    tags: ['food', 'memories', 'restaurant'],
    cast: ['Amélie Fontaine', 'Luca Benedetti', 'Hana Kobayashi'],
    directors: ['Benoît Lacroix'],
    durationSeconds: 30,
    mood: 'ember',
    trailers: [trailer()],
    palette: ['#bc4749', '#f2e8cf'],
  },
  {
    slug: 'cipher-garden',
    title: 'Cipher Garden',
    synopsis:
      'A codebreaker hides wartime messages in the planting plans of a country estate, until the gardener starts to read them.',
    year: 2016,
    genres: ['THRILLER', 'DRAMA'],
    maturityRating: 'AGE_13',
    tags: ['codebreaking', 'wartime', 'gardens'],
    cast: ['Evelyn Ashcombe', 'Thomas Greaves', 'Ruth Lindley'],
    directors: ['Humphrey Caldwell'],
    durationSeconds: 21,
    mood: 'lattice',
    trailers: [trailer()],
    palette: ['#2d6a4f', '#d8f3dc'],
  },
  {
    slug: 'the-lantern-run',
    title: 'The Lantern Run',
    synopsis:
      'Every autumn, children race paper lanterns down the river; this year, one lantern floats back upstream.',
    year: 2023,
    genres: ['FAMILY', 'ADVENTURE', 'FANTASY'],
    maturityRating: 'ALL',
    tags: ['lanterns', 'river', 'autumn'],
    cast: ['Milo Featherstone', 'Ada Okwuosa', 'Pip Larkspur'],
    directors: ['Sorcha Beaumont'],
    durationSeconds: 27,
    mood: 'aurora',
    trailers: [trailer()],
    palette: ['#001219', '#ee9b00'],
  },
  {
    slug: 'after-the-credits',
    title: 'After the Credits',
    synopsis:
      'A projectionist at a closing cinema stays after the last show and finds the films still playing to an empty room.',
    year: 2024,
    genres: ['DRAMA', 'MYSTERY'],
    maturityRating: 'AGE_13',
    tags: ['cinema', 'projectionist', 'ghost story'],
    cast: ['Arthur Penrose', 'Lena Hofmann', 'Kofi Boateng'],
    directors: ['Margit Szabó'],
    durationSeconds: 24,
    mood: 'signal',
    trailers: [trailer()],
    palette: ['#3d0000', '#ff9f1c'],
  },
];
