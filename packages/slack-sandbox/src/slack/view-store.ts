import type { ChangeListener } from './changes.js';
import type { IdSource } from './id-source.js';
import { cloneJson, type JsonObject, stringField } from './json.js';
import { assignMissingIds, buildState, type ViewStateValue, type ViewStateValues } from './view-state.js';

/** What the app answered to one submission of a view. */
export interface ViewSubmissionRecord {
  at: Date;
  values: ViewStateValues;
  status: number;
  body: unknown;
}

/** A modal as Slack keeps it for one user. */
export interface StoredView {
  id: string;
  user: string;
  hash: string;
  externalId?: string;
  /** The view as the app last sent it, block and action ids filled in. */
  definition: JsonObject;
  /** What Slack would send as `view.state.values` now. */
  state: ViewStateValues;
  /** Values the user entered, by block and action id: they survive updates that keep those ids. */
  entered: ViewStateValues;
  /** Field errors from the last `response_action: 'errors'` (or Slack's own client checks), by block_id. */
  errors: Record<string, string>;
  submissions: ViewSubmissionRecord[];
  status: 'open' | 'closed';
  rootViewId: string;
  previousViewId: string | null;
}

export interface ViewOwner {
  teamId: string;
  appId: string;
  botId: string;
}

/** Slack lets an app push two views on top of the one it opened. */
export const MAX_VIEW_STACK = 3;

/** Open and closed modals, each user's stack of open ones (bottom first), and each user's Home tab. */
export class ViewStore {
  private readonly views = new Map<string, StoredView>();
  private readonly stacks = new Map<string, string[]>();
  private readonly homes = new Map<string, string>();

  constructor(
    private readonly ids: IdSource,
    private readonly owner: ViewOwner,
    private readonly notify: ChangeListener,
  ) {}

  get(viewId: string): StoredView | undefined {
    return this.views.get(viewId);
  }

  findOpenByExternalId(externalId: string): StoredView | undefined {
    return [...this.views.values()].find((view) => view.status === 'open' && view.externalId === externalId);
  }

  /** The Home tab the app last published for the user, if any. */
  home(user: string): StoredView | undefined {
    const id = this.homes.get(user);
    return id === undefined ? undefined : this.views.get(id);
  }

  /**
   * views.publish: the user's Home tab, one per user, kept under one id as Slack does; it is no modal, so
   * it is on no stack and stays open.
   */
  publishHome(user: string, definition: JsonObject): StoredView {
    const existing = this.home(user);
    if (existing) {
      this.replace(existing, definition);
    } else {
      this.homes.set(user, this.create(user, definition, null).id);
    }
    const home = this.home(user) as StoredView;
    this.notify({ kind: 'view', action: 'published', user, viewId: home.id });
    return home;
  }

  /** The user's open modals, the visible one last. */
  stack(user: string): StoredView[] {
    return (this.stacks.get(user) ?? []).flatMap((id) => this.views.get(id) ?? []);
  }

  top(user: string): StoredView | undefined {
    return this.stack(user).at(-1);
  }

  /** A new root modal; one the user still had open is replaced, as opening a modal from a message does. */
  open(user: string, definition: JsonObject): StoredView {
    this.closeAll(user);
    const view = this.create(user, definition, null);
    this.stacks.set(user, [view.id]);
    this.notify({ kind: 'view', action: 'opened', user, viewId: view.id });
    return view;
  }

  push(user: string, definition: JsonObject): StoredView {
    const below = this.top(user);
    const view = this.create(user, definition, below ?? null);
    this.stacks.set(user, [...(this.stacks.get(user) ?? []), view.id]);
    this.notify({ kind: 'view', action: 'pushed', user, viewId: view.id });
    return view;
  }

  /** views.update and `response_action: 'update'`: same id, new content, new hash, field errors gone. */
  replace(view: StoredView, definition: JsonObject): StoredView {
    const blocks = this.prepare(definition);
    view.definition = definition;
    view.state = buildState(blocks, view.entered);
    view.entered = keepPresent(view.entered, view.state);
    view.hash = this.ids.viewHash();
    view.errors = {};
    const externalId = stringField(definition, 'external_id');
    if (externalId) view.externalId = externalId;
    this.notify({ kind: 'view', action: 'updated', user: view.user, viewId: view.id });
    return view;
  }

  setValue(view: StoredView, blockId: string, actionId: string, value: ViewStateValue): void {
    view.entered = { ...view.entered, [blockId]: { ...view.entered[blockId], [actionId]: value } };
    view.state = { ...view.state, [blockId]: { ...view.state[blockId], [actionId]: value } };
    this.notify({ kind: 'view', action: 'state', user: view.user, viewId: view.id });
  }

  setErrors(view: StoredView, errors: Record<string, string>): void {
    view.errors = { ...errors };
    this.notify({ kind: 'view', action: 'errors', user: view.user, viewId: view.id });
  }

  recordSubmission(view: StoredView, record: ViewSubmissionRecord): void {
    view.submissions.push(record);
    this.notify({ kind: 'view', action: 'submitted', user: view.user, viewId: view.id });
  }

  /** Closes a view and the ones pushed above it; the whole stack when the view asks for `clear_on_close`. */
  close(view: StoredView): void {
    const stack = this.stacks.get(view.user) ?? [];
    const index = stack.indexOf(view.id);
    if (index < 0) return;
    const cut = view.definition.clear_on_close === true ? 0 : index;
    for (const id of stack.slice(cut)) this.markClosed(id);
    this.stacks.set(view.user, stack.slice(0, cut));
  }

  closeAll(user: string): void {
    for (const id of this.stacks.get(user) ?? []) this.markClosed(id);
    this.stacks.set(user, []);
  }

  /** The view object as Slack sends it in API responses and payloads. */
  toSlack(view: StoredView): JsonObject {
    const definition = cloneJson(view.definition);
    return {
      id: view.id,
      team_id: this.owner.teamId,
      type: definition.type ?? 'modal',
      blocks: definition.blocks ?? [],
      private_metadata: definition.private_metadata ?? '',
      callback_id: definition.callback_id ?? '',
      state: { values: cloneJson(view.state) },
      hash: view.hash,
      title: definition.title,
      clear_on_close: definition.clear_on_close === true,
      notify_on_close: definition.notify_on_close === true,
      close: definition.close ?? null,
      submit: definition.submit ?? null,
      previous_view_id: view.previousViewId,
      root_view_id: view.rootViewId,
      app_id: this.owner.appId,
      external_id: view.externalId ?? '',
      app_installed_team_id: this.owner.teamId,
      bot_id: this.owner.botId,
    };
  }

  private create(user: string, definition: JsonObject, below: StoredView | null): StoredView {
    const blocks = this.prepare(definition);
    const id = this.ids.viewId();
    const externalId = stringField(definition, 'external_id');
    const view: StoredView = {
      id,
      user,
      hash: this.ids.viewHash(),
      definition,
      state: buildState(blocks),
      entered: {},
      errors: {},
      submissions: [],
      status: 'open',
      rootViewId: below?.rootViewId ?? id,
      previousViewId: below?.id ?? null,
      ...(externalId ? { externalId } : {}),
    };
    this.views.set(id, view);
    return view;
  }

  /** Fills in missing block/action ids on the (already copied) definition and returns its blocks. */
  private prepare(definition: JsonObject): unknown[] {
    const blocks = Array.isArray(definition.blocks) ? definition.blocks : [];
    assignMissingIds(blocks, this.ids);
    return blocks;
  }

  private markClosed(id: string): void {
    const view = this.views.get(id);
    if (!view || view.status === 'closed') return;
    view.status = 'closed';
    this.notify({ kind: 'view', action: 'closed', user: view.user, viewId: view.id });
  }
}

function keepPresent(entered: ViewStateValues, state: ViewStateValues): ViewStateValues {
  const kept: ViewStateValues = {};
  for (const [blockId, actions] of Object.entries(entered)) {
    for (const [actionId, value] of Object.entries(actions)) {
      if (state[blockId]?.[actionId] === value) kept[blockId] = { ...kept[blockId], [actionId]: value };
    }
  }
  return kept;
}
