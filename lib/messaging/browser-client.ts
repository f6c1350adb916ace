// The protocol client over the extension's runtime messaging.
import { createClient } from './client';

export const send = createClient({ sendMessage: (message) => browser.runtime.sendMessage(message) });
