import type { SectionBlock } from '@slack/types';
import type { ValidationCheck } from '../../domain/source.js';
import { packedSections } from './pack.js';
import { mrkdwnSnippet, plural } from './text.js';

const ICONS: Record<ValidationCheck['result'], string> = {
  failed: ':x:',
  info: ':information_source:',
  passed: ':white_check_mark:',
};

/** Failures first, then facts such as the endpoint, then passes: a capped report never hides what matters. */
const ORDER: Record<ValidationCheck['result'], number> = { failed: 0, info: 1, passed: 2 };

const MAX_NAME = 80;
const MAX_DETAIL = 300;

/** One line per check: `:x: *instance class*: expected db.r6g.large, found db.t3.medium`. */
export function validationLines(checks: readonly ValidationCheck[]): string[] {
  return ordered(checks).map(
    (check) =>
      `${ICONS[check.result]} *${mrkdwnSnippet(check.name, MAX_NAME)}*${check.result === 'info' ? ' (info)' : ''}: ${mrkdwnSnippet(check.detail, MAX_DETAIL) || '-'}`,
  );
}

/** `12 passed, 1 failed, 2 info`. */
export function validationCounts(checks: readonly ValidationCheck[]): string {
  const count = (result: ValidationCheck['result']) => checks.filter((check) => check.result === result).length;
  const parts = [`${count('passed')} passed`, `${count('failed')} failed`];
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
