// `npm run bench`: every benchmark, figures printed as `name: value unit`.
import { benchAck } from './ack.js';
import { benchWorkerTick } from './worker-tick.js';

const only = process.argv[2];
if (!only || only === 'worker') await benchWorkerTick();
if (!only || only === 'ack') await benchAck();
