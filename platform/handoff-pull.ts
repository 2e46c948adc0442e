/**
 * Offscreen-document side of the file handoff (lib/upload/handoff.ts): asks the extension frames for the file
 * under a key until one answers or the time is up. Only the extension's own pages share the channel.
 */
import { HANDOFF_CHANNEL, type HandoffChannelMessage } from '../lib/upload/handoff';

const ASK_EVERY_MS = 100;
/** A frame answers within milliseconds; past this the bytes come over the port instead. */
export const HANDOFF_WAIT_MS = 3000;

/** The handed file, or null when no frame has it (or only one of another size than announced). */
export function pullHandedFile(key: string, size: number, waitMs = HANDOFF_WAIT_MS): Promise<Blob | null> {
  const channel = new BroadcastChannel(HANDOFF_CHANNEL);
  return new Promise<Blob | null>((resolve) => {
    const done = (file: Blob | null) => {
      clearInterval(asking);
      clearTimeout(timer);
      channel.close();
      resolve(file);
    };
    channel.onmessage = (e: MessageEvent<HandoffChannelMessage>) => {
      const m = e.data;
      if (m?.type === 'file' && m.key === key && m.file instanceof Blob && m.file.size === size) done(m.file);
    };
    const ask = () => channel.postMessage({ type: 'want', key } satisfies HandoffChannelMessage);
    const asking = setInterval(ask, ASK_EVERY_MS);
    const timer = setTimeout(() => done(null), waitMs);
    ask();
  });
}
