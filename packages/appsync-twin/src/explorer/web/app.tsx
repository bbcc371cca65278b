import { GraphiQL } from 'graphiql';
import { buildClientSchema } from 'graphql';
import 'graphiql/style.css';
import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { freshSession, signIn, signOut, storedSession, type Session } from './cognito-session';
import { CONFIG_ELEMENT_ID, type ExplorerConfig } from './config';
import './explorer.css';

const config = JSON.parse(document.getElementById(CONFIG_ELEMENT_ID)?.textContent ?? '{}') as ExplorerConfig;
const TITLE = config.title ?? 'API explorer';
const DEFAULT_QUERY =
  config.defaultQuery ??
  `# ${TITLE}: the local counterpart of the AppSync console's query editor.
# Sign in above when the API needs a Cognito user, then press the play button or Ctrl-Enter.
# The book icon opens the schema's documentation.

{
  __typename
}
`;

function SignInBar({
  session,
  onChange,
}: {
  session: Session | undefined;
  onChange: (s: Session | undefined) => void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const attempt = async (username: string, secret: string) => {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await signIn(config.cognitoEndpoint, config.userPoolClientId, username, secret));
      setPassword('');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void attempt(email, password);
  };

  if (session) {
    return (
      <header className="explorer-bar">
        <strong>{TITLE}</strong>
        <span className="explorer-user" data-testid="signed-in-as">
          Signed in as {session.email}
          {session.groups.length > 0 ? ` (${session.groups.join(', ')})` : ''}
        </span>
        <button
          type="button"
          onClick={() => {
            signOut();
            onChange(undefined);
          }}
        >
          Sign out
        </button>
      </header>
    );
  }
  return (
    <header className="explorer-bar">
      <strong>{TITLE}</strong>
      <form onSubmit={submit} className="explorer-form">
        <input
          aria-label="E-mail"
          type="email"
          placeholder="e-mail"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <input
          aria-label="Password"
          type="password"
          placeholder="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      {config.demoAccounts.map((account) => (
        <button
          key={account.username}
          type="button"
          disabled={busy}
          onClick={() => void attempt(account.username, account.password)}
        >
          Demo {account.role}
        </button>
      ))}
      {error && (
        <span className="explorer-error" role="alert">
          {error}
        </span>
      )}
    </header>
  );
}

function Explorer() {
  const [session, setSession] = useState<Session | undefined>(storedSession);
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const fetcher = useCallback(async (params: unknown) => {
    let current = sessionRef.current;
    if (current) {
      current = await freshSession(config.cognitoEndpoint, config.userPoolClientId, current);
      if (current !== sessionRef.current) setSession(current);
    }
    const response = await fetch(config.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(current ? { authorization: current.idToken } : {}) },
      body: JSON.stringify(params),
    });
    return (await response.json()) as Record<string, unknown>;
  }, []);

  // GraphiQL only skips its own introspection (which needs a signed-in user) when handed a built schema.
  const schema = useMemo(
    () => (config.introspection ? buildClientSchema(config.introspection) : undefined),
    [],
  );
  return (
    <div className="explorer">
      <SignInBar session={session} onChange={setSession} />
      <div className="explorer-graphiql">
        <GraphiQL fetcher={fetcher} schema={schema} defaultQuery={DEFAULT_QUERY} />
      </div>
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Explorer />);
