import { describe, expect, it } from 'vitest';
import {
  type BlockKitProblem,
  checkMessageBlocks,
  checkOptionsResponse,
  checkView,
} from '../../../../packages/slack-sandbox/src/block-kit/limits.js';

const x = (n: number): string => 'x'.repeat(n);
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const option = (text: string, value: string, description?: string) => ({
  text: plain(text),
  value,
  ...(description === undefined ? {} : { description: plain(description) }),
});
const button = (overrides: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: 'go',
  text: plain('Go'),
  value: 'job-1',
  ...overrides,
});
const actions = (...elements: unknown[]) => [{ type: 'actions', elements }];
const select = (overrides: Record<string, unknown> = {}) => ({
  type: 'static_select',
  action_id: 'pick',
  options: [option('One', '1')],
  ...overrides,
});
const modal = (blocks: unknown[], overrides: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('Title'),
  submit: plain('Submit'),
  close: plain('Cancel'),
  blocks,
  ...overrides,
});
const input = (element: unknown, overrides: Record<string, unknown> = {}) => ({
  type: 'input',
  block_id: 'field',
  label: plain('Field'),
  element,
  ...overrides,
});

interface LimitCase {
  name: string;
  limit: number;
  pointer: string;
  message: string;
  /** The payload with `n` of the limited thing, checked. */
  check: (n: number) => BlockKitProblem[];
}

const chars = (max: number) => `must be less than ${max + 1} characters`;
const items = (max: number) => `no more than ${max} items allowed`;
const many = <T>(n: number, make: (index: number) => T): T[] => Array.from({ length: n }, (_, index) => make(index));

const LIMITS: LimitCase[] = [
  {
    name: 'blocks per message',
    limit: 50,
    pointer: '/blocks',
    message: items(50),
    check: (n) => checkMessageBlocks(many(n, () => ({ type: 'divider' }))),
  },
  {
    name: 'message text',
    limit: 40_000,
    pointer: '/text',
    message: chars(40_000),
    check: (n) => checkMessageBlocks([], x(n)),
  },
  {
    name: 'header text',
    limit: 150,
    pointer: '/blocks/0/text/text',
    message: chars(150),
    check: (n) => checkMessageBlocks([{ type: 'header', text: plain(x(n)) }]),
  },
  {
    name: 'section text',
    limit: 3000,
    pointer: '/blocks/0/text/text',
    message: chars(3000),
    check: (n) => checkMessageBlocks([{ type: 'section', text: mrkdwn(x(n)) }]),
  },
  {
    name: 'section field text',
    limit: 2000,
    pointer: '/blocks/0/fields/1/text',
    message: chars(2000),
    check: (n) => checkMessageBlocks([{ type: 'section', fields: [mrkdwn('a'), mrkdwn(x(n))] }]),
  },
  {
    name: 'section fields',
    limit: 10,
    pointer: '/blocks/0/fields',
    message: items(10),
    check: (n) => checkMessageBlocks([{ type: 'section', fields: many(n, () => mrkdwn('a')) }]),
  },
  {
    name: 'context elements',
    limit: 10,
    pointer: '/blocks/0/elements',
    message: items(10),
    check: (n) => checkMessageBlocks([{ type: 'context', elements: many(n, () => mrkdwn('a')) }]),
  },
  {
    name: 'actions elements',
    limit: 25,
    pointer: '/blocks/0/elements',
    message: items(25),
    check: (n) => checkMessageBlocks(actions(...many(n, (index) => button({ action_id: `a${index}` })))),
  },
  {
    name: 'block_id',
    limit: 255,
    pointer: '/blocks/0/block_id',
    message: chars(255),
    check: (n) => checkMessageBlocks([{ type: 'divider', block_id: x(n) }]),
  },
  {
    name: 'action_id',
    limit: 255,
    pointer: '/blocks/0/elements/0/action_id',
    message: chars(255),
    check: (n) => checkMessageBlocks(actions(button({ action_id: x(n) }))),
  },
  {
    name: 'button text',
    limit: 75,
    pointer: '/blocks/0/elements/0/text/text',
    message: chars(75),
    check: (n) => checkMessageBlocks(actions(button({ text: plain(x(n)) }))),
  },
  {
    name: 'button value',
    limit: 2000,
    pointer: '/blocks/0/elements/0/value',
    message: chars(2000),
    check: (n) => checkMessageBlocks(actions(button({ value: x(n) }))),
  },
  {
    name: 'button url',
    limit: 3000,
    pointer: '/blocks/0/elements/0/url',
    message: chars(3000),
    check: (n) => checkMessageBlocks(actions(button({ url: `https://e.x/${x(n - 12)}` }))),
  },
  {
    name: 'confirm title',
    limit: 100,
    pointer: '/blocks/0/elements/0/confirm/title/text',
    message: chars(100),
    check: (n) => checkMessageBlocks(actions(button({ confirm: { title: plain(x(n)), text: plain('Sure?') } }))),
  },
  {
    name: 'confirm text',
    limit: 300,
    pointer: '/blocks/0/elements/0/confirm/text/text',
    message: chars(300),
    check: (n) => checkMessageBlocks(actions(button({ confirm: { text: mrkdwn(x(n)) } }))),
  },
  {
    name: 'confirm button',
    limit: 30,
    pointer: '/blocks/0/elements/0/confirm/confirm/text',
    message: chars(30),
    check: (n) => checkMessageBlocks(actions(button({ confirm: { text: plain('Sure?'), confirm: plain(x(n)) } }))),
  },
  {
    name: 'deny button',
    limit: 30,
    pointer: '/blocks/0/elements/0/confirm/deny/text',
    message: chars(30),
    check: (n) => checkMessageBlocks(actions(button({ confirm: { text: plain('Sure?'), deny: plain(x(n)) } }))),
  },
  {
    name: 'select options',
    limit: 100,
    pointer: '/blocks/0/elements/0/options',
    message: items(100),
    check: (n) => checkMessageBlocks(actions(select({ options: many(n, (index) => option(`o${index}`, `${index}`)) }))),
  },
  {
    name: 'option text',
    limit: 75,
    pointer: '/blocks/0/elements/0/options/0/text/text',
    message: chars(75),
    check: (n) => checkMessageBlocks(actions(select({ options: [option(x(n), '1')] }))),
  },
  {
    name: 'option value',
    limit: 150,
    pointer: '/blocks/0/elements/0/options/0/value',
    message: chars(150),
    check: (n) => checkMessageBlocks(actions(select({ options: [option('One', x(n))] }))),
  },
  {
    name: 'option description',
    limit: 75,
    pointer: '/view/blocks/0/element/options/0/description/text',
    message: chars(75),
    check: (n) =>
      checkView(modal([input({ type: 'radio_buttons', action_id: 'r', options: [option('One', '1', x(n))] })])),
  },
  {
    name: 'radio options',
    limit: 10,
    pointer: '/view/blocks/0/element/options',
    message: items(10),
    check: (n) =>
      checkView(
        modal([input({ type: 'radio_buttons', action_id: 'r', options: many(n, (i) => option(`o${i}`, `${i}`)) })]),
      ),
  },
  {
    name: 'placeholder',
    limit: 150,
    pointer: '/view/blocks/0/element/placeholder/text',
    message: chars(150),
    check: (n) => checkView(modal([input({ type: 'plain_text_input', action_id: 't', placeholder: plain(x(n)) })])),
  },
  {
    name: 'plain_text_input initial value against max_length',
    limit: 20,
    pointer: '/view/blocks/0/element/initial_value',
    message: chars(20),
    check: (n) =>
      checkView(modal([input({ type: 'plain_text_input', action_id: 't', max_length: 20, initial_value: x(n) })])),
  },
  {
    name: 'input label',
    limit: 2000,
    pointer: '/view/blocks/0/label/text',
    message: chars(2000),
    check: (n) => checkView(modal([input({ type: 'plain_text_input', action_id: 't' }, { label: plain(x(n)) })])),
  },
  {
    name: 'input hint',
    limit: 2000,
    pointer: '/view/blocks/0/hint/text',
    message: chars(2000),
    check: (n) => checkView(modal([input({ type: 'plain_text_input', action_id: 't' }, { hint: plain(x(n)) })])),
  },
  {
    name: 'blocks per modal',
    limit: 100,
    pointer: '/view/blocks',
    message: items(100),
    check: (n) => checkView(modal(many(n, () => ({ type: 'divider' })))),
  },
  {
    name: 'modal title',
    limit: 24,
    pointer: '/view/title/text',
    message: chars(24),
    check: (n) => checkView(modal([], { title: plain(x(n)) })),
  },
  {
    name: 'modal submit',
    limit: 24,
    pointer: '/view/submit/text',
    message: chars(24),
    check: (n) => checkView(modal([], { submit: plain(x(n)) })),
  },
  {
    name: 'modal close',
    limit: 24,
    pointer: '/view/close/text',
    message: chars(24),
    check: (n) => checkView(modal([], { close: plain(x(n)) })),
  },
  {
    name: 'private_metadata',
    limit: 3000,
    pointer: '/view/private_metadata',
    message: chars(3000),
    check: (n) => checkView(modal([], { private_metadata: x(n) })),
  },
  {
    name: 'callback_id',
    limit: 255,
    pointer: '/view/callback_id',
    message: chars(255),
    check: (n) => checkView(modal([], { callback_id: x(n) })),
  },
  {
    name: 'options response options',
    limit: 100,
    pointer: '/options',
    message: items(100),
    check: (n) => checkOptionsResponse({ options: many(n, (index) => option(`o${index}`, `${index}`)) }),
  },
  {
    name: 'options response option text',
    limit: 75,
    pointer: '/options/0/text/text',
    message: chars(75),
    check: (n) => checkOptionsResponse({ options: [option(x(n), '1')] }),
  },
  {
    name: 'options response option value',
    limit: 150,
    pointer: '/options/0/value',
    message: chars(150),
    check: (n) => checkOptionsResponse({ options: [option('One', x(n))] }),
  },
  {
    name: 'options response option description',
    limit: 75,
    pointer: '/options/0/description/text',
    message: chars(75),
    check: (n) => checkOptionsResponse({ options: [option('One', '1', x(n))] }),
  },
  {
    name: 'options response options per group',
    limit: 100,
    pointer: '/option_groups/0/options',
    message: items(100),
    check: (n) =>
      checkOptionsResponse({
        option_groups: [{ label: plain('G'), options: many(n, (i) => option(`o${i}`, `${i}`)) }],
      }),
  },
];

describe('Block Kit limits', () => {
  it.each(LIMITS)('$name: $limit passes, one more fails at $pointer', ({ limit, pointer, message, check }) => {
    // Prepare / Act
    const atLimit = check(limit);
    const overLimit = check(limit + 1);

    // Assess
    expect(atLimit).toEqual([]);
    expect(overLimit).toEqual([{ pointer, message }]);
  });
});

describe('checkMessageBlocks', () => {
  it('accepts a typical card', () => {
    const blocks = [
      { type: 'header', text: plain(':floppy_disk: Restore orders') },
      { type: 'section', text: mrkdwn('*Source*: `orders`'), fields: [mrkdwn('a'), plain('b')] },
      {
        type: 'context',
        elements: [mrkdwn('job `j1`'), { type: 'image', image_url: 'https://e.x/i.png', alt_text: 'i' }],
      },
      { type: 'divider' },
      actions(
        button({ action_id: 'approve', style: 'primary' }),
        button({ action_id: 'reject', style: 'danger', confirm: { title: plain('Reject?'), text: mrkdwn('Sure?') } }),
      )[0],
    ];

    expect(checkMessageBlocks(blocks, 'Restore orders: awaiting approval')).toEqual([]);
  });

  it('refuses a button style other than primary or danger', () => {
    expect(checkMessageBlocks(actions(button({ style: 'secondary' })))).toEqual([
      { pointer: '/blocks/0/elements/0/style', message: 'must be one of: primary, danger' },
    ]);
  });

  it('refuses duplicate block ids, pointing at the second', () => {
    const problems = checkMessageBlocks([
      { type: 'divider', block_id: 'a' },
      { type: 'divider', block_id: 'b' },
      { type: 'divider', block_id: 'a' },
    ]);

    expect(problems.map((problem) => problem.pointer)).toEqual(['/blocks/2/block_id']);
  });

  it('refuses duplicate action ids within one block', () => {
    const problems = checkMessageBlocks(actions(button(), button()));

    expect(problems.map((problem) => problem.pointer)).toEqual(['/blocks/0/elements/1/action_id']);
  });

  it('refuses unknown block types and elements out of place', () => {
    const problems = checkMessageBlocks([
      { type: 'sectoin', text: mrkdwn('typo') },
      { type: 'actions', elements: [mrkdwn('text is not an action')] },
    ]);

    expect(problems).toEqual([
      { pointer: '/blocks/0/type', message: 'unsupported block type: sectoin' },
      { pointer: '/blocks/1/elements/0/type', message: 'unsupported element type here: mrkdwn' },
    ]);
  });

  it('refuses empty text objects', () => {
    const problems = checkMessageBlocks([
      { type: 'section', text: mrkdwn('') },
      { type: 'context', elements: [plain('')] },
    ]);

    expect(problems).toEqual([
      { pointer: '/blocks/0/text/text', message: 'must be more than 0 characters' },
      { pointer: '/blocks/1/elements/0/text', message: 'must be more than 0 characters' },
    ]);
  });

  it('refuses mrkdwn where Slack wants plain_text', () => {
    const problems = checkMessageBlocks([
      { type: 'header', text: mrkdwn('*bold*') },
      actions(button({ text: mrkdwn('Go') }))[0],
    ]);

    expect(problems.map((problem) => problem.pointer)).toEqual([
      '/blocks/0/text/type',
      '/blocks/1/elements/0/text/type',
    ]);
  });

  it('refuses a section with neither text nor fields, and empty actions and context', () => {
    const problems = checkMessageBlocks([{ type: 'section' }, { type: 'actions', elements: [] }, { type: 'context' }]);

    expect(problems).toEqual([
      { pointer: '/blocks/0', message: 'must provide text or fields' },
      { pointer: '/blocks/1/elements', message: 'must provide at least 1 item' },
      { pointer: '/blocks/2/elements', message: 'missing required field: elements' },
    ]);
  });

  it('refuses blocks that are not an array of objects', () => {
    expect(checkMessageBlocks(['divider'])).toEqual([{ pointer: '/blocks/0', message: 'must be an object' }]);
  });
});

describe('checkView', () => {
  it('requires a label and an element on an input block', () => {
    const problems = checkView(modal([{ type: 'input', block_id: 'a' }]));

    expect(problems).toEqual([
      { pointer: '/view/blocks/0/label', message: 'missing required field: label' },
      { pointer: '/view/blocks/0/element', message: 'missing required field: element' },
    ]);
  });

  it('requires submit on a modal with input blocks', () => {
    const view = modal([input({ type: 'plain_text_input', action_id: 't' })]);
    delete (view as { submit?: unknown }).submit;

    expect(checkView(view)).toEqual([
      { pointer: '/view/submit', message: 'missing required field: submit (the view has input blocks)' },
    ]);
  });

  it('allows a modal without submit when it has no input', () => {
    const view = modal([{ type: 'section', text: mrkdwn('Read only') }]);
    delete (view as { submit?: unknown }).submit;

    expect(checkView(view)).toEqual([]);
  });

  it('requires a plain_text title on a modal', () => {
    expect(checkView(modal([], { title: undefined }))).toEqual([
      { pointer: '/view/title', message: 'missing required field: title' },
    ]);
    expect(checkView(modal([], { title: mrkdwn('*Title*') }))).toEqual([
      { pointer: '/view/title/type', message: 'must be one of: plain_text' },
    ]);
  });

  it('refuses an initial option that is not one of the options', () => {
    const problems = checkView(
      modal([
        input(select({ initial_option: option('Two', '2') })),
        input({ ...select(), type: 'radio_buttons' }, { block_id: 'b' }),
      ]),
    );

    expect(problems).toEqual([
      { pointer: '/view/blocks/0/element/initial_option', message: 'must match one of the options' },
    ]);
  });

  it('refuses a datetimepicker initial time in milliseconds', () => {
    const element = { type: 'datetimepicker', action_id: 'd', initial_date_time: 1_763_800_000_000 };

    expect(checkView(modal([input(element)]))).toEqual([
      { pointer: '/view/blocks/0/element/initial_date_time', message: 'must be a Unix timestamp in seconds' },
    ]);
    expect(checkView(modal([input({ ...element, initial_date_time: 1_763_800_000 })]))).toEqual([]);
  });

  it('refuses a button as an input element and unknown view types', () => {
    expect(checkView({ type: 'dialog', blocks: [] })).toEqual([
      { pointer: '/view/type', message: 'unsupported view type: dialog' },
    ]);
    expect(checkView(modal([input(button())]))).toEqual([
      { pointer: '/view/blocks/0/element/type', message: 'unsupported element type here: button' },
    ]);
  });

  it('refuses min_length above max_length and a negative min_query_length', () => {
    const problems = checkView(
      modal([
        input({ type: 'plain_text_input', action_id: 't', min_length: 10, max_length: 5 }),
        input({ type: 'external_select', action_id: 'e', min_query_length: -1 }, { block_id: 'b' }),
      ]),
    );

    expect(problems.map((problem) => problem.pointer)).toEqual([
      '/view/blocks/0/element/min_length',
      '/view/blocks/1/element/min_query_length',
    ]);
  });
});

describe('checkOptionsResponse', () => {
  it('accepts an empty list (nothing matched the query)', () => {
    expect(checkOptionsResponse({ options: [] })).toEqual([]);
  });

  it('wants exactly one of options or option_groups', () => {
    const message = 'must provide exactly one of options or option_groups';

    expect(checkOptionsResponse({})).toEqual([{ pointer: '', message }]);
    expect(checkOptionsResponse({ options: [], option_groups: [] })).toEqual([{ pointer: '', message }]);
  });

  it('wants plain_text option text and a value', () => {
    const problems = checkOptionsResponse({ options: [{ text: mrkdwn('*One*') }] });

    expect(problems).toEqual([
      { pointer: '/options/0/text/type', message: 'must be one of: plain_text' },
      { pointer: '/options/0/value', message: 'missing required field: value' },
    ]);
  });
});
