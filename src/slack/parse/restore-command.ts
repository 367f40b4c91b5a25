import { DATABASE_KINDS, type DatabaseKind } from '../../domain/kinds.js';
import { nearestWord } from './nearest-word.js';

/** What the one-line form asks for; the modal opens prefilled with it. */
export interface RestorePrefill {
  kind: DatabaseKind;
  source: string;
  restorePoint?: { type: 'time'; text: string } | { type: 'snapshot'; id: string };
  target?: string;
  replace: boolean;
  expiresIn?: string;
  reason?: string;
}

export type RestoreCommand =
  | { type: 'open' }
  | { type: 'help' }
  | { type: 'list'; all: boolean }
  | { type: 'refresh' }
  | { type: 'refresh-now'; cycle: string }
  | { type: 'status'; jobId: string }
  | { type: 'cancel'; jobId: string }
  | { type: 'prefill'; prefill: RestorePrefill }
  | { type: 'dr-status' }
  /** `/restore dr [drill] <kind> <source> [--at <time>]`: a DR run, or its rehearsal without the switch. */
  | { type: 'dr-run'; drill: boolean; kind: DatabaseKind; source: string; at?: string }
  /** `form` is the usage line that fits the mistake (the one-line form when it is about a restore). */
  | { type: 'usage'; problem: string; form: string };

/** Each command's usage line, shown with a mistake in it. */
export const COMMAND_FORMS = {
  restore:
    '/restore <kind> <source> [--at <time> | --snapshot <id>] [--as <target>] [--replace] [--expires 3d] [--reason "..."]',
  list: '/restore list [--all]',
  refresh: '/restore refresh [<cycle> now]',
  dr: '/restore dr status | /restore dr [drill] <kind> <source> [--at <time>]',
  status: '/restore status <job>',
  cancel: '/restore cancel <job>',
  help: '/restore help',
} as const;

/** Short kind names people type: `/restore aurora orders`. */
const KIND_ALIASES: Record<string, DatabaseKind> = {
  rds: 'rds-instance',
  instance: 'rds-instance',
  aurora: 'aurora-cluster',
  docdb: 'docdb-cluster',
  documentdb: 'docdb-cluster',
  dynamodb: 'dynamodb-table',
  dynamo: 'dynamodb-table',
  ddb: 'dynamodb-table',
  ...Object.fromEntries(DATABASE_KINDS.map((kind) => [kind, kind])),
};

const VALUE_FLAGS = new Set(['--at', '--snapshot', '--as', '--expires', '--reason']);

/** The words `/restore` takes first, for "did you mean" on a typo. */
const FIRST_WORDS = ['help', 'list', 'refresh', 'dr', 'status', 'cancel', ...Object.keys(KIND_ALIASES)];

/** `refresh` lists the cycles; `refresh <cycle> now` brings a cycle's next run forward to now. */
function parseRefresh(rest: readonly string[]): RestoreCommand {
  if (rest.length === 0) return { type: 'refresh' };
  const [cycle, when, ...extra] = rest;
  if (cycle && when?.toLowerCase() === 'now' && extra.length === 0) return { type: 'refresh-now', cycle };
  return usage('"refresh" takes nothing, or a cycle\'s name and "now"', 'refresh');
}

/** `dr status`, or `dr [drill] <kind> <source> [--at <time>]`. */
function parseDisasterRecovery(rest: readonly string[]): RestoreCommand {
  const [first, ...after] = rest;
  if (first?.toLowerCase() === 'status') {
    return after.length === 0 ? { type: 'dr-status' } : usage('"dr status" takes nothing after it', 'dr');
  }
  const drill = first?.toLowerCase() === 'drill';
  const [kindWord, source, ...options] = drill ? after : rest;
  if (!kindWord) return usage('"dr" takes status, or the kind and the production database to recover', 'dr');
  const kind = KIND_ALIASES[kindWord.toLowerCase()];
  if (!kind) {
    const meant = nearestWord(kindWord.toLowerCase(), ['status', 'drill', ...Object.keys(KIND_ALIASES)]);
    return usage(`"${kindWord}" is not a kind${meant ? `: did you mean ${meant}?` : ''}`, 'dr');
  }
  if (!source || source.startsWith('--'))
    return usage(`name the production database: /restore dr ${kindWord} <source>`, 'dr');
  if (options.length === 0) return { type: 'dr-run', drill, kind, source };
  const [flag, at, ...extra] = options;
  if (flag !== '--at') return usage(`"${flag}" is not an option of "dr" (only --at <time>)`, 'dr');
  if (!at || at.startsWith('--')) return usage('--at needs a time, such as "15 minutes ago"', 'dr');
  if (extra.length > 0)
    return usage(
      `"${extra[0]}" is not an option: quote a time of several words, --at "${[at, ...extra].join(' ')}"`,
      'dr',
    );
  return { type: 'dr-run', drill, kind, source, at };
}

/** Parses the text after `/restore`. Pure: unknown words become a usage message, nothing else. */
export function parseRestoreCommand(text: string): RestoreCommand {
  const tokens = tokenize(text);
  if ('problem' in tokens) return usage(tokens.problem);
  const [first, ...rest] = tokens.words;
  if (first === undefined) return { type: 'open' };
  const word = first.toLowerCase();
  if (word === 'help') return rest.length === 0 ? { type: 'help' } : usage(`"help" takes nothing after it`, 'help');
  if (word === 'list') return parseList(rest);
  if (word === 'refresh') return parseRefresh(rest);
  if (word === 'dr') return parseDisasterRecovery(rest);
  if (word === 'status' || word === 'cancel') {
    const [jobId, ...extra] = rest;
    if (!jobId || extra.length > 0) return usage(`"${word}" takes one job id`, word);
    return { type: word, jobId: jobId.toLowerCase() };
  }
  const kind = KIND_ALIASES[word];
  if (!kind) {
    const meant = nearestWord(word, FIRST_WORDS);
    return usage(
      meant
        ? `"${first}" is not a command or a kind: did you mean /restore ${meant}?`
        : `"${first}" is not a command or a kind (${DATABASE_KINDS.join(', ')}, or aurora, rds, docdb, dynamodb)`,
    );
  }
  return parsePrefill(kind, rest);
}

/** `list` shows what is waiting or running; `list --all` the finished restores too. */
function parseList(words: string[]): RestoreCommand {
  if (words.length === 0) return { type: 'list', all: false };
  if (words.length === 1 && ['--all', 'all'].includes(words[0]?.toLowerCase() ?? ''))
    return { type: 'list', all: true };
  return usage(`"list" takes only --all (finished restores too)`, 'list');
}

function parsePrefill(kind: DatabaseKind, words: string[]): RestoreCommand {
  const [source, ...rest] = words;
  if (!source || source.startsWith('--')) return usage(`name the source: /restore ${kind} <source> ...`);
  const prefill: RestorePrefill = { kind, source, replace: false };
  for (let index = 0; index < rest.length; index += 1) {
    const flag = rest[index] as string;
    if (flag === '--replace') {
      prefill.replace = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) return usage(notAnOption(rest, index));
    const value = rest[index + 1];
    if (value === undefined || value.startsWith('--')) return usage(`${flag} needs a value`);
    index += 1;
    if (flag === '--at' || flag === '--snapshot') {
      if (prefill.restorePoint) return usage('give --at or --snapshot, not both');
      prefill.restorePoint = flag === '--at' ? { type: 'time', text: value } : { type: 'snapshot', id: value };
    } else if (flag === '--as') prefill.target = value;
    else if (flag === '--expires') prefill.expiresIn = value;
    else prefill.reason = value;
  }
  return { type: 'prefill', prefill };
}

/**
 * Why `words[index]` is refused. A plain word right after a flag's value is most often the rest of
 * an unquoted phrase (`--at 2h ago`): say how to quote it.
 */
function notAnOption(words: string[], index: number): string {
  const word = words[index] as string;
  const flag = words[index - 2];
  if (word.startsWith('--') || flag === undefined || !VALUE_FLAGS.has(flag)) return `"${word}" is not an option`;
  const phrase = [words[index - 1]];
  for (let next = index; next < words.length && !words[next]?.startsWith('--'); next += 1) phrase.push(words[next]);
  return `"${word}" is not an option: quote a value of several words, ${flag} "${phrase.join(' ')}"`;
}

function usage(problem: string, command: keyof typeof COMMAND_FORMS = 'restore'): RestoreCommand {
  return { type: 'usage', problem, form: COMMAND_FORMS[command] };
}

/** Splits on spaces, keeping "quoted phrases" (straight or Slack's curly quotes) together. */
function tokenize(text: string): { words: string[] } | { problem: string } {
  const normalized = text.replace(/[“”]/g, '"').trim();
  const words: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  let consumed = 0;
  for (const match of normalized.matchAll(pattern)) {
    words.push(match[1] ?? match[2] ?? '');
    consumed = (match.index ?? 0) + match[0].length;
  }
  if (normalized.slice(consumed).includes('"') || (normalized.match(/"/g)?.length ?? 0) % 2 === 1) {
    return { problem: 'a quote is not closed' };
  }
  return { words };
}
