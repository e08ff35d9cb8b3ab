// Test-only HL7 v2 receiver: @medplum/hl7's MLLP server. For each message it parses it, checks
// its structure against the HL7 v2 dictionary (hl7v2 / hl7v2-dictionary: segment order and
// groups of the message structure, required fields, field lengths, repetitions), writes one line
// `received {json}` to stdout with what it read, and answers an ACK:
//   AA by default; AE or AR when started with --mode ae|ar, or when the message contains
//   REFUSE-AE or REFUSE-AR (the text names the reason); no answer at all with --mode silent.
// Usage: node server.mjs --port <port> [--mode aa|ae|ar|silent]   (port 0 picks a free one)
import { Hl7Segment } from '@medplum/core';
import { Hl7Server } from '@medplum/hl7';
import { HL7Message, hl7Escape, hl7UnEscape } from 'hl7v2';
import net from 'node:net';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
let port = Number(option('--port', '2575'));
const mode = option('--mode', 'aa');

if (port === 0) {
  port = await new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
}

/** Problems of the message against the dictionary of its version; empty when it conforms. */
function structureProblems(text) {
  const problems = [];
  let parsed;
  try {
    parsed = HL7Message.parse(text);
  } catch (e) {
    return [`not parsable: ${e.message}`];
  }

  const definition = parsed.dictionary.messages?.[parsed.messageType.split('^').slice(0, 2).join('_')];
  if (!definition) {
    problems.push(`no structure ${parsed.messageType} in the ${parsed.version} dictionary`);
  } else {
    const flat = (node) => node.items.flatMap((item) => (item.items ? flat(item) : [item]));
    const placed = flat(parsed.buildStructureTree()).length;
    if (placed !== parsed.segments.length) {
      problems.push(`only ${placed} of ${parsed.segments.length} segments fit the ${parsed.messageType} structure`);
    }
    for (const [name, def] of Object.entries(definition.segments)) {
      if (!def.segments && (def.min ?? 0) > 0 && !parsed.getSegment(name)) {
        problems.push(`required segment ${name} is missing`);
      }
    }
  }

  const rawSegments = text.split('\r').filter((s) => s.length > 0);
  rawSegments.forEach((raw, index) => {
    const name = raw.slice(0, 3);
    const fields = raw.split('|');
    const def = parsed.dictionary.segments?.[name];
    if (!def) {
      problems.push(`segment ${name} is not in the dictionary`);
      return;
    }
    for (const [position, fieldDef] of Object.entries(def.fields)) {
      const n = Number(position);
      const value = name === 'MSH' ? (n === 1 ? '|' : fields[n - 1] ?? '') : fields[n] ?? '';
      if (fieldDef.opt === 'R' && value === '') {
        problems.push(`${name}-${n} (${fieldDef.desc}) is required (segment ${index + 1})`);
      }
      const repetitions = name === 'MSH' && n === 2 ? [value] : value.split('~');
      if (typeof fieldDef.rep === 'number' && repetitions.length > fieldDef.rep) {
        problems.push(`${name}-${n} repeats ${repetitions.length} times, at most ${fieldDef.rep}`);
      }
      for (const repetition of repetitions) {
        if (fieldDef.len && repetition.length > fieldDef.len) {
          problems.push(`${name}-${n} (${fieldDef.desc}) is ${repetition.length} long, at most ${fieldDef.len}`);
        }
      }
    }
  });
  return problems;
}

/**
 * Each segment as [name, fields] where fields[n] is field n by its HL7 number (MSH-1 is the field
 * separator), each field as repetitions of components, read back by @medplum/core and unescaped.
 */
function readBack(message) {
  return message.segments
    .filter((segment) => segment.name.length > 0)
    .map((segment) => {
      const fields = segment.fields.map((field) => field.components.map((rep) => rep.map((c) => hl7UnEscape(c) ?? '')));
      if (segment.name === 'MSH') {
        fields.splice(1, 1, [['|']], [[segment.fields[1].toString()]]);
      }
      return [segment.name, fields];
    });
}

function refusal(text) {
  if (mode === 'ae' || text.includes('REFUSE-AE')) {
    return ['AE', 'Patient not found: MRN unknown to the interface | check PID-3 & resend'];
  }
  if (mode === 'ar' || text.includes('REFUSE-AR')) {
    return ['AR', 'Message rejected: unsupported event for this receiver'];
  }
  return ['AA', ''];
}

const server = new Hl7Server((connection) => {
  connection.addEventListener('message', ({ message }) => {
    const text = message.toString();
    const [code, reason] = refusal(text);
    const record = {
      controlId: message.header.getComponent(10, 1),
      messageType: `${message.header.getComponent(9, 1)}^${message.header.getComponent(9, 2)}`,
      ack: mode === 'silent' ? null : code,
      problems: structureProblems(text),
      segments: readBack(message),
    };
    process.stdout.write(`received ${JSON.stringify(record)}\n`);
    if (mode === 'silent') {
      return;
    }
    if (code === 'AA') {
      connection.send(message.buildAck());
      return;
    }
    const escaped = hl7Escape(reason);
    const ack = message.buildAck({
      ackCode: code,
      errSegment: Hl7Segment.parse(`ERR|||207^Application internal error^HL70357|E||||${escaped}`, message.context),
    });
    ack.getSegment('MSA').setField(3, escaped);
    connection.send(ack);
  });
});

await server.start(port);
process.stdout.write(`listening on 127.0.0.1:${port}\n`);
const stop = () => server.stop({ forceDrainTimeoutMs: 100 }).finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
