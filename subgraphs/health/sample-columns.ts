import { METRIC_TYPES, SOURCES, type MetricTypeName, type SourceName } from './metric-types.js';

/**
 * A batch of samples as one PostgreSQL array literal per column, for
 * `unnest($types::varchar[], $values::numeric[], ...)`: each column is one text parameter that
 * PostgreSQL parses with its plain array input, which costs a fraction of taking the same rows
 * apart from one JSON document (jsonb_to_recordset), and the text is built in one pass without
 * an object per sample. The same on either driver (postgres.js, PGlite).
 *
 * A sample whose key (type, source, instant) an earlier sample of the batch already has is left
 * out, as the unique key would refuse it: the first one is the one stored, the others count as
 * duplicates.
 */
export interface SampleColumns {
  /** How many samples the columns hold: the included ones less the repeats within the batch. */
  count: number;
  types: string;
  values: string;
  units: string;
  sources: string;
  devices: string;
  /** Each instant as milliseconds after `base` (negative: before it). */
  instants: string;
  /** The first sample's instant (ISO 8601), or null when the batch holds none. */
  base: string | null;
  /** Every stored type and every stored source of the batch, once each (array literals). */
  distinctTypes: string;
  distinctSources: string;
  /** The earliest and latest instant of the batch (ISO 8601), or null when it holds none. */
  earliest: string | null;
  latest: string | null;
}

export interface ColumnSample {
  metricType: MetricTypeName;
  value: number;
  source?: SourceName | null;
  sourceDevice?: string | null;
  recordedAt: Date;
}

/**
 * An element of a text array literal: always quoted (so the text NULL, an empty string, commas,
 * braces and white space stay text), with backslash and double quote escaped.
 */
function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** The literal of one column whose elements are already written out. */
const literal = (elements: readonly string[]) => `{${elements.join(',')}}`;

const quotedValues = <K extends string>(names: Record<K, string>) =>
  Object.fromEntries(Object.entries(names).map(([name, text]) => [name, quoted(text as string)])) as Record<
    K,
    string
  >;
const STORED_TYPE = quotedValues(
  Object.fromEntries(Object.entries(METRIC_TYPES).map(([name, spec]) => [name, spec.stored])) as Record<
    MetricTypeName,
    string
  >,
);
const UNIT = quotedValues(
  Object.fromEntries(Object.entries(METRIC_TYPES).map(([name, spec]) => [name, spec.unit])) as Record<
    MetricTypeName,
    string
  >,
);
const STORED_SOURCE = quotedValues(SOURCES);

/**
 * The columns of the samples `include` keeps (all of them without it), in order. Values keep two
 * decimals (numeric(10, 2)); a sample's unit is its type's (any other was refused before); MANUAL
 * when the source is left out. Instants are whole milliseconds after the first sample's, which the
 * statement turns into timestamps exactly (`base + ms * interval '1 millisecond'`): cheaper on
 * both sides than ISO text for every sample (Date#toISOString costs about a microsecond, and
 * PostgreSQL's timestamp input more than its integer input). Callers pass validated samples only.
 */
export function sampleColumns(
  samples: readonly ColumnSample[],
  include?: (index: number) => boolean,
): SampleColumns {
  const types: string[] = [];
  const values: string[] = [];
  const units: string[] = [];
  const sources: string[] = [];
  const devices: string[] = [];
  const instants: string[] = [];
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let base = Number.NaN;
  // The instants taken so far, per type and source.
  const taken = new Map<MetricTypeName, Map<SourceName, Set<number>>>();
  const distinctTypes: string[] = [];
  const distinctSources = new Set<string>();
  // A batch usually comes from one device: its element is quoted once.
  let device: string | null | undefined;
  let deviceElement = 'NULL';
  for (let index = 0; index < samples.length; index++) {
    if (include && !include(index)) continue;
    const sample = samples[index] as ColumnSample;
    const type = sample.metricType;
    const source = sample.source ?? 'MANUAL';
    const at = sample.recordedAt.getTime();
    let bySource = taken.get(type);
    if (!bySource) {
      bySource = new Map();
      taken.set(type, bySource);
      distinctTypes.push(STORED_TYPE[type]);
    }
    let instantsTaken = bySource.get(source);
    if (!instantsTaken) {
      instantsTaken = new Set();
      bySource.set(source, instantsTaken);
      distinctSources.add(STORED_SOURCE[source]);
    }
    if (instantsTaken.has(at)) continue;
    instantsTaken.add(at);
    if (sample.sourceDevice !== device) {
      device = sample.sourceDevice;
      deviceElement = device == null ? 'NULL' : quoted(device);
    }
    types.push(STORED_TYPE[type]);
    values.push(String(Math.round(sample.value * 100) / 100));
    units.push(UNIT[type]);
    sources.push(STORED_SOURCE[source]);
    devices.push(deviceElement);
    if (Number.isNaN(base)) base = at;
    instants.push(String(at - base));
    if (at < earliest) earliest = at;
    if (at > latest) latest = at;
  }
  const none = types.length === 0;
  return {
    count: types.length,
    types: literal(types),
    values: literal(values),
    units: literal(units),
    sources: literal(sources),
    devices: literal(devices),
    instants: literal(instants),
    distinctTypes: literal(distinctTypes),
    distinctSources: literal([...distinctSources]),
    base: none ? null : new Date(base).toISOString(),
    earliest: none ? null : new Date(earliest).toISOString(),
    latest: none ? null : new Date(latest).toISOString(),
  };
}
