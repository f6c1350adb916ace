// The reports page's first script: it asks the background for the current report at once, then
// loads the page's code (./main.tsx). A stale snapshot's computation (after an import: the
// background is computing it already) is awaited while that code is fetched and compiled and the
// page reads the stored snapshot, instead of being asked for only once all that has run.
import { send } from '@/lib/messaging/browser-client';
import { handOver } from './handoff';

performance.mark('regulars:reports-asked');
const answer = send('reports.refresh', {}).finally(() => performance.mark('regulars:reports-answered'));
answer.catch(() => undefined); // the page awaits it; this keeps a failure from being reported as unhandled meanwhile
handOver(answer);

void import('./main');
