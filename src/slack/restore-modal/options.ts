import type { PlainTextOption } from '@slack/types';
import { identifierFromArn } from '../../domain/identifiers.js';
import { snapshotReference } from '../../domain/snapshot-reference.js';
import type { RestoreCandidate } from '../../domain/source.js';
import { BLOCK_KIT_LIMITS } from '../block-kit-limits.js';
import { truncate } from '../blocks/text.js';
import { formatUtc } from '../blocks/time.js';

const { options: MAX_OPTIONS, optionText: MAX_TEXT, optionValue: MAX_VALUE } = BLOCK_KIT_LIMITS;

export interface SourceChoice {
  environment: string;
  identifier: string;
  engine: string;
  engineVersion: string;
}

/**
 * Sources for the modal's external select: `orders · production · aurora-postgresql 15.4`, value
 * `<environment>/<identifier>`. At most 100 (Slack's cap); a source whose value would pass 150
 * characters cannot be offered and is left out (RDS names are at most 63).
 */
export function sourceOptions(sources: readonly SourceChoice[]): PlainTextOption[] {
  return sources
    .map((source) => sourceOption(source))
    .filter((option) => (option.value ?? '').length <= MAX_VALUE)
    .slice(0, MAX_OPTIONS);
}

/** One source option; without an engine (a prefilled modal) the label has the name and environment only. */
export function sourceOption(
  source: Pick<SourceChoice, 'environment' | 'identifier'> & Partial<SourceChoice>,
): PlainTextOption {
  const engine = [source.engine, source.engineVersion].filter(Boolean).join(' ');
  return {
    text: { type: 'plain_text', text: optionLabel(identifierFromArn(source.identifier), [source.environment, engine]) },
    value: sourceOptionValue(source.environment, source.identifier),
  };
}

export function sourceOptionValue(environment: string, identifier: string): string {
  return `${environment}/${identifier}`;
}

/** `production/orders` → its parts; environments never contain `/`, identifiers (ARNs) may. */
export function parseSourceOptionValue(value: string): { environment: string; identifier: string } | undefined {
  const slash = value.indexOf('/');
  if (slash <= 0 || slash === value.length - 1) return undefined;
  return { environment: value.slice(0, slash), identifier: value.slice(slash + 1) };
}

/** Snapshots for the modal's external select, newest first, at most 100. */
export function snapshotOptions(candidates: readonly RestoreCandidate[]): PlainTextOption[] {
  return [...candidates]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, MAX_OPTIONS)
    .map((candidate) => ({
      text: {
        type: 'plain_text',
        text: optionLabel(candidate.id, [
          candidate.shared ? 'shared' : candidate.origin,
          candidate.engineVersion,
          formatUtc(candidate.createdAt),
        ]),
      },
      value: snapshotOptionValue(candidate),
    }));
}

/**
 * The snapshot's ARN, or the domain's digest of it when the ARN is longer than an option value may
 * be: the planner knows the snapshot by either among the candidates it lists, so the submission
 * lists nothing itself.
 */
export function snapshotOptionValue(candidate: Pick<RestoreCandidate, 'arn'>): string {
  return shortOptionValue(candidate.arn);
}

/** `text` (a snapshot's ARN or id) as an option value: itself when it fits, else the domain's digest of it. */
export function shortOptionValue(text: string): string {
  return snapshotReference(text, MAX_VALUE);
}

/**
 * `name · part · part`, at most 75 characters: the name is shortened first, so the facts that
 * tell two snapshots apart (origin, version, time) stay readable.
 */
export function optionLabel(name: string, parts: readonly (string | undefined)[]): string {
  const suffix = parts
    .filter((part): part is string => Boolean(part))
    .map((part) => ` · ${part}`)
    .join('');
  const room = MAX_TEXT - suffix.length;
  if (room >= 12) return `${truncate(name, room)}${suffix}`;
  return truncate(`${name}${suffix}`, MAX_TEXT);
}
