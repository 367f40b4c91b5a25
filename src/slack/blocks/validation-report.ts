import type { SectionBlock } from '@slack/types';
import type { ValidationCheck } from '../../domain/source.js';
import { checkLabel } from '../../domain/validation.js';
import { packedSections } from './pack.js';
import { mrkdwnSnippet, plural } from './text.js';

const ICONS: Record<ValidationCheck['result'], string> = {
  failed: ':x:',
  warning: ':warning:',
  info: ':information_source:',
  passed: ':white_check_mark:',
};

/** Failures first, then warnings, then facts such as the endpoint, then passes: a capped report never hides what matters. */
const ORDER: Record<ValidationCheck['result'], number> = { failed: 0, warning: 1, info: 2, passed: 3 };

const MAX_NAME = 80;
const MAX_DETAIL = 300;

/** One check: `:x: *Instance class*: expected db.r6g.large, found db.t3.medium`. */
export function validationLine(check: ValidationCheck): string {
  const label = mrkdwnSnippet(checkLabel(check.name), MAX_NAME);
  return `${ICONS[check.result]} *${label}*: ${mrkdwnSnippet(check.detail, MAX_DETAIL) || '-'}`;
}

/** One line per check, failures and warnings first. */
export function validationLines(checks: readonly ValidationCheck[]): string[] {
  return ordered(checks).map(validationLine);
}

/** The checks that need a reader's attention on the card itself: what failed, and what differs from the source. */
export function checksToNotice(checks: readonly ValidationCheck[]): ValidationCheck[] {
  return ordered(checks).filter((check) => check.result === 'failed' || check.result === 'warning');
}

/** `12 passed, 1 warning, 2 info`: failures, warnings and facts only when there are some. */
export function validationCounts(checks: readonly ValidationCheck[]): string {
  const count = (result: ValidationCheck['result']) => checks.filter((check) => check.result === result).length;
  const parts = [`${count('passed')} passed`];
  if (count('failed') > 0) parts.push(`${count('failed')} failed`);
  if (count('warning') > 0) parts.push(plural(count('warning'), 'warning'));
  if (count('info') > 0) parts.push(`${count('info')} info`);
  return parts.join(', ');
}

/** The validation report as sections of at most `maxBlocks`, the tail summarised when it does not fit. */
export function validationReportBlocks(
  checks: readonly ValidationCheck[],
  options: { maxBlocks: number },
): SectionBlock[] {
  if (checks.length === 0) return [];
  const sorted = ordered(checks);
  return packedSections(validationLines(sorted), {
    maxBlocks: options.maxBlocks,
    heading: `*Validation* (${validationCounts(checks)})`,
    more: (hidden) =>
      `… and ${plural(hidden, 'more check')} (${validationCounts(sorted.slice(sorted.length - hidden))})`,
  });
}

function ordered(checks: readonly ValidationCheck[]): ValidationCheck[] {
  // Array.prototype.sort is stable: checks keep the driver's order within a result.
  return [...checks].sort((a, b) => ORDER[a.result] - ORDER[b.result]);
}
