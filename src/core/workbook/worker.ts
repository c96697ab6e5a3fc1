import { parentPort } from 'node:worker_threads';
import { readWorkbook, type ReadRequest } from './read.js';

// A reader thread: reads one workbook at a time, as the server thread asks (`read`), and waits for the next. Each
// `more` is a credit for one more batch of rows; a server that stops asking (its caller gone without closing) is
// not waited for forever: the thread ends, and the server thread sees it go.
const IDLE_MS = 120_000;

type ToReader = { type: 'read'; request: ReadRequest } | { type: 'more' };

const port = parentPort!;
let credits = 0;
let waiting: (() => void) | null = null;

const credit = () => new Promise<void>((resolve) => {
  const take = () => {
    waiting = null;
    credits--;
    clearTimeout(idle);
    resolve();
  };
  const idle = setTimeout(() => process.exit(1), IDLE_MS);
  if (credits > 0) take();
  else waiting = take;
});

port.on('message', (message: ToReader) => {
  if (message.type === 'more') {
    credits++;
    waiting?.();
    return;
  }
  credits = 0;
  void readWorkbook(message.request, (m) => port.postMessage(m), credit);
});
