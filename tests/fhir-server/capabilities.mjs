// Capability modes of the test FHIR server: what a request may do, from the mode's
// CapabilityStatement (capabilities/*.json), and Oracle Millennium's documented write rules.
//
//   transaction  a server like HAPI or Medplum: transaction, batch and conditional interactions
//   epic         Epic's published R4 CapabilityStatement: everything it does not declare is refused
//   millennium   Oracle Health Millennium as documented: Procedure created only as completed with
//                literal Patient/Practitioner references (identifier, partOf, usedReference, bodySite
//                and statusReason dropped silently), Observations only vital-signs or laboratory,
//                charges only through ChargeItem/$create (Encounter and the site's bill code needed),
//                reversals by ChargeItem/{id}/$credit
import { readFileSync } from 'node:fs';

const here = new URL('./capabilities/', import.meta.url);
const load = (name) => JSON.parse(readFileSync(new URL(name, here), 'utf8'));

const statements = {
  epic: load('epic-r4-capabilitystatement.json'),
  millennium: load('millennium-r4-capabilitystatement.json'),
};

export const modes = ['transaction', 'epic', 'millennium'];

export function metadata(mode) {
  if (mode !== 'transaction') return statements[mode];
  const types = ['Patient', 'Encounter', 'Practitioner', 'MedicationAdministration', 'Device', 'Procedure', 'Observation', 'ChargeItem'];
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-29',
    kind: 'instance',
    software: { name: 'InfusionSuite test FHIR server (Medplum FHIR router)' },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        resource: types.map((type) => ({
          type,
          interaction: ['read', 'create', 'update', 'search-type'].map((code) => ({ code })),
          updateCreate: true,
          conditionalCreate: true,
          conditionalUpdate: true,
          searchParam: [{ name: 'identifier', type: 'token' }, { name: 'patient', type: 'reference' }],
        })),
      },
    ],
  };
}

// Parameters every search may carry whatever the statement lists (paging and format).
const alwaysAllowed = new Set(['_format', '_count']);

/**
 * Whether the mode's CapabilityStatement allows the request; null when it does, else
 * [status, text]. path is the FHIR path without the base ('' for the base itself).
 */
export function refusal(mode, method, path, query, headers, body) {
  if (mode === 'transaction') return null;
  const rest = statements[mode].rest[0];
  if (path === 'metadata') return null;
  if (path === '') {
    const kind = body?.type ?? 'unknown';
    const declared = (rest.interaction ?? []).some((i) => i.code === kind);
    return declared ? null : [405, `This server does not support ${kind} Bundles.`];
  }
  const [type, second, third, fourth] = path.split('/');
  const resource = rest.resource.find((r) => r.type === type);
  if (!resource) return [404, `Resource type ${type} is not supported.`];
  const operation = [second, third].find((p) => p?.startsWith('$'));
  if (operation) {
    const known = (resource.operation ?? []).some((o) => `$${o.name}` === operation);
    return known && method === 'POST' ? null : [405, `Operation ${type}/${operation} is not supported.`];
  }
  const has = (code) => (resource.interaction ?? []).some((i) => i.code === code);
  const conditional = query.toString().length > 0;
  let interaction;
  if (method === 'POST' && second === undefined) {
    if (headers['if-none-exist'] && !resource.conditionalCreate) return [412, `Conditional create of ${type} is not supported.`];
    interaction = 'create';
  } else if (method === 'PUT') {
    if (second === undefined && conditional) return [405, `Conditional update of ${type} is not supported.`];
    interaction = 'update';
  } else if (method === 'GET' && second === undefined) {
    interaction = 'search-type';
    const names = new Set((resource.searchParam ?? []).map((p) => p.name));
    for (const key of query.keys()) {
      const name = key.split(':')[0];
      if (!names.has(name) && !alwaysAllowed.has(name)) return [400, `Search parameter ${name} is not supported for ${type}.`];
    }
  } else if (method === 'GET' && third === undefined) {
    interaction = 'read';
  } else if (method === 'GET' && third === '_history' && fourth !== undefined) {
    interaction = 'vread';
  } else if (method === 'DELETE') {
    interaction = 'delete';
  } else {
    interaction = `${method} ${path}`;
  }
  return has(interaction) ? null : [405, `${interaction} of ${type} is not supported.`];
}

const literal = (reference, type) => new RegExp(`^${type}/[^/?]+$`).test(reference ?? '');

/**
 * Millennium's write rules on a create the statement allows: null when accepted (the body is
 * trimmed in place to what Millennium keeps), else [status, text].
 */
export function millenniumCreate(type, resource) {
  if (type === 'Procedure') {
    if (resource.status !== 'completed') return [422, `Procedure.status must be completed (was ${resource.status}).`];
    if (!literal(resource.subject?.reference, 'Patient')) return [422, 'Procedure.subject must be a literal Patient reference.'];
    for (const performer of resource.performer ?? []) {
      if (!literal(performer.actor?.reference, 'Practitioner')) return [422, 'Procedure.performer.actor must be a literal Practitioner reference.'];
    }
    for (const ignored of ['identifier', 'partOf', 'usedReference', 'bodySite', 'statusReason']) delete resource[ignored];
    return null;
  }
  if (type === 'Observation') {
    const categories = (resource.category ?? []).flatMap((c) => c.coding ?? []).map((c) => c.code);
    if (!categories.some((c) => c === 'vital-signs' || c === 'laboratory')) {
      return [422, 'Observation.category must be vital-signs or laboratory.'];
    }
    return null;
  }
  return null;
}

/** The ChargeItem a Millennium $create makes from its Parameters, or [status, text]. */
export function millenniumChargeItem(parameters, billCodeSystem) {
  if (parameters?.resourceType !== 'Parameters') return [400, 'ChargeItem/$create takes a Parameters body.'];
  const value = (name) => parameters.parameter?.find((p) => p.name === name);
  const transactionId = value('transactionId')?.valueString;
  if (!transactionId) return [422, 'transactionId is required.'];
  const subject = value('subject')?.valueReference;
  const context = value('context')?.valueReference;
  if (!literal(subject?.reference, 'Patient')) return [422, 'subject must be a literal Patient reference.'];
  if (!literal(context?.reference, 'Encounter')) return [422, 'context must be a literal Encounter reference: a charge needs the encounter.'];
  const code = value('code')?.valueCodeableConcept;
  if (!(code?.coding ?? []).some((c) => c.system === billCodeSystem)) {
    return [422, `code must be from the site's bill-code system ${billCodeSystem}.`];
  }
  const resource = {
    resourceType: 'ChargeItem',
    identifier: [{ system: 'urn:test:millennium:transaction-id', value: transactionId }],
    status: 'billable',
    code,
    subject,
    context,
    quantity: value('quantity')?.valueQuantity,
  };
  const occurrence = value('occurrence')?.valueDateTime;
  if (occurrence) resource.occurrenceDateTime = occurrence;
  const service = value('service')?.valueReference;
  if (service) resource.service = [service];
  return resource;
}
