-- The notes table. `appsync-twin serve --sql schema.sql` runs this at start (on AWS it is a migration).
CREATE TABLE IF NOT EXISTS notes (
  id uuid PRIMARY KEY,
  title varchar(200) NOT NULL CHECK (length(title) > 0),
  body text,
  pinned boolean NOT NULL DEFAULT false,
  "createdAt" varchar(30) NOT NULL
);
