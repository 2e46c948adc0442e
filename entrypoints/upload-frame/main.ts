/**
 * The hidden frame a portal page's content script hands a chosen file to (lib/upload/handoff.ts): it keeps
 * the file under its key and gives it to the offscreen document that asks for that key. It reads nothing,
 * checks nothing and sends nothing anywhere but to the extension's own pages.
 */
import { HANDOFF_CHANNEL, HeldFiles, handFileMessage, isHandoffKey, type HandoffChannelMessage } from '../../lib/upload/handoff';

const held = new HeldFiles();
const channel = new BroadcastChannel(HANDOFF_CHANNEL);

addEventListener('message', (e: MessageEvent) => {
  // the page may post here too: without a key the worker issued, what it posts is never asked for
  const m = handFileMessage(e.data);
  if (m) held.hold(m.key, m.file);
});

channel.onmessage = (e: MessageEvent<HandoffChannelMessage>) => {
  const m = e.data;
  if (m?.type !== 'want' || !isHandoffKey(m.key)) return;
  const file = held.get(m.key);
  if (file) channel.postMessage({ type: 'file', key: m.key, file } satisfies HandoffChannelMessage);
};
