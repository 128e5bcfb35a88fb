import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** The person the provider signs in (it approves every authorisation request at once). */
export interface OidcTestIdentity {
  sub: string;
  email?: string;
  emailVerified?: boolean;
  acr?: string;
  amr?: string[];
}

/** Deliberate faults in the next id_token, to check that the client refuses them. */
export interface OidcTokenTampering {
  nonce?: string;
  issuer?: string;
  audience?: string;
}

export interface TokenRequestLog {
  params: URLSearchParams;
  /** Why the provider refused the request, if it did. */
  error?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  identity: OidcTestIdentity;
  tamper: OidcTokenTampering;
  authorizeRequests: URLSearchParams[];
  tokenRequests: TokenRequestLog[];
  close(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | null;
  identity: OidcTestIdentity;
  used: boolean;
}

const base64url = (buffer: Buffer) => buffer.toString('base64url');
const s256 = (verifier: string) => base64url(createHash('sha256').update(verifier).digest());

/**
 * A small OpenID Connect provider for tests, on a loopback port: discovery, /authorize (auto-approve for
 * `identity`, redirecting back with a code), /token (client secret and PKCE S256 checked, one use per code,
 * RS256 id_token with iss, aud, sub, email, nonce and the configured acr/amr) and /jwks.
 */
export async function startOidcProvider(options: { clientId?: string; clientSecret?: string } = {}): Promise<TestOidcProvider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = base64url(randomBytes(8));
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, PendingCode>();

  const provider: TestOidcProvider = {
    issuer: '',
    clientId: options.clientId ?? 'samsvar-test',
    clientSecret: options.clientSecret ?? `klienthemmelighet-${base64url(randomBytes(12))}`,
    identity: { sub: 'ingen' },
    tamper: {},
    authorizeRequests: [],
    tokenRequests: [],
    close: async () => undefined,
  };

  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  function authorize(url: URL, res: ServerResponse): void {
    const params = url.searchParams;
    provider.authorizeRequests.push(params);
    const redirectUri = params.get('redirect_uri');
    const problem =
      params.get('client_id') !== provider.clientId
        ? 'unknown client_id'
        : !redirectUri
          ? 'redirect_uri missing'
          : params.get('response_type') !== 'code'
            ? 'response_type must be code'
            : !params.get('scope')?.split(' ').includes('openid')
              ? 'scope must include openid'
              : params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')
                ? 'PKCE with S256 is required'
                : null;
    if (problem || !redirectUri) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(problem ?? 'bad request');
      return;
    }
    const code = base64url(randomBytes(24));
    codes.set(code, {
      clientId: provider.clientId,
      redirectUri,
      codeChallenge: params.get('code_challenge')!,
      nonce: params.get('nonce'),
      identity: { ...provider.identity },
      used: false,
    });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    const state = params.get('state');
    if (state !== null) back.searchParams.set('state', state);
    res.writeHead(302, { location: back.href });
    res.end();
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const log: TokenRequestLog = { params };
    provider.tokenRequests.push(log);
    const refuse = (error: string, description: string) => {
      log.error = description;
      sendJson(res, 400, { error, error_description: description });
    };

    let clientId = params.get('client_id');
    let clientSecret = params.get('client_secret');
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      const [id, secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':').map(decodeURIComponent);
      clientId = id ?? null;
      clientSecret = secret ?? null;
    }
    if (clientId !== provider.clientId || clientSecret !== provider.clientSecret) return refuse('invalid_client', 'client authentication failed');
    if (params.get('grant_type') !== 'authorization_code') return refuse('unsupported_grant_type', 'only authorization_code');
    const pending = codes.get(params.get('code') ?? '');
    if (!pending) return refuse('invalid_grant', 'unknown code');
    if (pending.used) return refuse('invalid_grant', 'code already used');
    pending.used = true;
    if (params.get('redirect_uri') !== pending.redirectUri) return refuse('invalid_grant', 'redirect_uri does not match');
    const verifier = params.get('code_verifier');
    if (!verifier || s256(verifier) !== pending.codeChallenge) return refuse('invalid_grant', 'PKCE verification failed');

    const { identity } = pending;
    const claims: Record<string, unknown> = {};
    if (identity.email !== undefined) claims.email = identity.email;
    if (identity.email !== undefined) claims.email_verified = identity.emailVerified ?? true;
    if (identity.acr !== undefined) claims.acr = identity.acr;
    if (identity.amr !== undefined) claims.amr = identity.amr;
    const nonce = provider.tamper.nonce ?? pending.nonce;
    if (nonce) claims.nonce = nonce;
    const idToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(provider.tamper.issuer ?? provider.issuer)
      .setAudience(provider.tamper.audience ?? pending.clientId)
      .setSubject(identity.sub)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    sendJson(res, 200, { access_token: base64url(randomBytes(24)), token_type: 'Bearer', expires_in: 300, scope: 'openid email profile', id_token: idToken });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', provider.issuer);
    const route = `${req.method} ${url.pathname}`;
    const handle = async () => {
      switch (route) {
        case 'GET /.well-known/openid-configuration':
          return sendJson(res, 200, {
            issuer: provider.issuer,
            authorization_endpoint: `${provider.issuer}/authorize`,
            token_endpoint: `${provider.issuer}/token`,
            jwks_uri: `${provider.issuer}/jwks`,
            response_types_supported: ['code'],
            grant_types_supported: ['authorization_code'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
            code_challenge_methods_supported: ['S256'],
            token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
            scopes_supported: ['openid', 'email', 'profile'],
            claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'nonce', 'email', 'email_verified', 'acr', 'amr'],
          });
        case 'GET /authorize':
          return authorize(url, res);
        case 'POST /token':
          return token(req, res);
        case 'GET /jwks':
          return sendJson(res, 200, { keys: [jwk] });
        default:
          res.writeHead(404).end();
      }
    };
    handle().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return provider;
}
