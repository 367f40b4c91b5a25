import type { ApiCall } from './call-log.js';

/** What changed in the stand-in, so a page can redraw just that (`standIn.on('change', ...)`). */
export type StandInChange =
  | { kind: 'api_call'; call: ApiCall }
  | { kind: 'message'; action: 'posted' | 'updated' | 'deleted'; channel: string; ts: string }
  | { kind: 'ephemeral'; action: 'posted' | 'replaced' | 'deleted'; channel: string; user: string; messageTs: string }
  | {
      kind: 'view';
      action: 'opened' | 'updated' | 'pushed' | 'closed' | 'state' | 'errors' | 'submitted' | 'published';
      user: string;
      viewId: string;
    }
  | { kind: 'bot_request'; type: string; status: number; timedOut: boolean };

export type ChangeListener = (change: StandInChange) => void;
