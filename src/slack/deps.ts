import type { DatabaseKind } from '../domain/kinds.js';
import type { Policy } from '../domain/policy.js';
import type { CardStates } from '../domain/ports/card-states.js';
import type { Clock } from '../domain/ports/clock.js';
import type { CycleRunRepository } from '../domain/ports/cycle-runs.js';
import type { DatabaseDriver } from '../domain/ports/database-driver.js';
import type { JobRepository } from '../domain/ports/job-repository.js';
import type { Kicker } from '../domain/ports/kicker.js';
import type { RefreshCycle } from '../domain/refresh/cycle.js';
import type { DrServices } from '../entrypoints/dr-composition.js';
import type { JobService } from '../jobs/job-service.js';
import type { HomeTabs } from './home-tabs.js';
import type { MetadataSeal } from './metadata-seal.js';
import type { RefreshCards } from './refresh-cards.js';
import type { UserDirectory } from './user-directory.js';

/** What listeners use. Built once in the composition root; listeners never build adapters. */
export interface ListenerDeps {
  service: JobService;
  store: JobRepository;
  /** The cards the notifier drew: a card's buttons are trusted only on that card. */
  cardStates: CardStates;
  policy: Policy;
  clock: Clock;
  directory: UserDirectory;
  /** Each person's Home tab: drawn on app_home_opened, and after a click on it changed nothing. */
  homes: HomeTabs;
  /** The policy's refresh cycles, their runs and the runs' cards (the cards only with Slack configured). */
  refreshCycles: readonly RefreshCycle[];
  cycleRuns: CycleRunRepository;
  refreshCards?: RefreshCards;
  /** Seals what modals carry in private_metadata, and opens it again on their interactions. */
  metadataSeal: MetadataSeal;
  driverFor(kind: DatabaseKind, environment: string): DatabaseDriver;
  /** DR runs, their cards, readiness and probe: the DR services, loaded on first use. */
  drServices?(): Promise<DrServices>;
  /** Hands a change to the worker (a DR run's id for the DR runner). */
  kicker: Kicker;
  log(message: string, detail?: object): void;
}
