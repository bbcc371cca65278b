import type { Genre, MaturityRating } from '../gql/graphql';

export const GENRE_LABELS: Readonly<Record<Genre, string>> = {
  ACTION: 'Action',
  ADVENTURE: 'Adventure',
  ANIMATION: 'Animation',
  COMEDY: 'Comedy',
  CRIME: 'Crime',
  DOCUMENTARY: 'Documentary',
  DRAMA: 'Drama',
  FAMILY: 'Family',
  FANTASY: 'Fantasy',
  HORROR: 'Horror',
  MYSTERY: 'Mystery',
  ROMANCE: 'Romance',
  SCIENCE_FICTION: 'Science fiction',
  THRILLER: 'Thriller',
  WESTERN: 'Western',
};

export const GENRES = Object.keys(GENRE_LABELS) as Genre[];

export const RATING_LABELS: Readonly<Record<MaturityRating, string>> = {
  ALL: 'All ages',
  AGE_7: '7+',
  AGE_13: '13+',
  AGE_16: '16+',
  AGE_18: '18+',
};

export const RATINGS = Object.keys(RATING_LABELS) as MaturityRating[];
