// `npm run bench`: every benchmark, figures printed as `name: value unit`.
import { benchWorkerTick } from './worker-tick.js';

await benchWorkerTick();
