/** What Marquee's API explorer opens with: the catalog's first page (the twin's own default is generic). */
export const MARQUEE_EXPLORER = {
  title: 'Marquee API explorer',
  defaultQuery: `# Marquee API explorer: the local counterpart of the AppSync console's query editor.
# Sign in above (every operation needs a Cognito user), then press the play button or Ctrl-Enter.
# The book icon opens the schema's documentation.

query Catalog {
  movies(limit: 5) {
    items {
      id
      title
      year
      genres
      maturityRating
    }
    nextToken
  }
}
`,
} as const;
