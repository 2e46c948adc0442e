/**
 * The chosen file handed to the extension by reference (lib/upload/handoff.ts, platform/handoff-pull.ts): the
 * frame accepts only well-formed messages, holds few files for a short time, and the offscreen document takes
 * a file only under its key and at the size the content script announced.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HANDOFF_CHANNEL, HAND_FILE, HELD_FILES, HOLD_MS, HeldFiles, handFileMessage, handoffKey, isHandoffKey, type HandoffChannelMessage } from '../../../lib/upload/handoff';
import { MAX_FILE_BYTES } from '../../../lib/checks/limits';
import { pullHandedFile } from '../../../platform/handoff-pull';

describe('hand-off keys and messages', () => {
  it('keys are 128 random bits in hex, never repeated', () => {
    const keys = new Set(Array.from({ length: 200 }, () => handoffKey()));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(isHandoffKey(k)).toBe(true);
    expect(handoffKey((b) => b.fill(0xab))).toBe('ab'.repeat(16));
    for (const bad of ['', 'AB'.repeat(16), 'ab'.repeat(15), `${'ab'.repeat(16)}0`, 42, null]) expect(isHandoffKey(bad)).toBe(false);
  });

  it('the frame takes a file only in the right shape, under a well-formed key, within the size limit', () => {
    const file = new Blob(['x']);
    const key = 'ab'.repeat(16);
    expect(handFileMessage({ type: HAND_FILE, key, file })).toEqual({ type: HAND_FILE, key, file });
    class Huge extends Blob {
      override get size() {
        return MAX_FILE_BYTES + 1;
      }
    }
    for (const bad of [null, 'x', { type: 'other', key, file }, { type: HAND_FILE, key: 'x', file }, { type: HAND_FILE, key, file: 'bytes' }, { type: HAND_FILE, key, file: new Huge(['x']) }])
      expect(handFileMessage(bad)).toBeNull();
  });
});

describe('files a frame holds', () => {
  it('each for HOLD_MS at most', () => {
    let now = 0;
    const held = new HeldFiles<string>(() => now);
    held.hold('a', 'file a');
    now = HOLD_MS - 1;
    expect(held.get('a')).toBe('file a');
    now = HOLD_MS;
    expect(held.get('a')).toBeUndefined();
  });

  it('a flood of posts pushes the oldest out, never grows past HELD_FILES', () => {
    const held = new HeldFiles<number>(() => 0);
    for (let i = 0; i < HELD_FILES * 3; i++) held.hold(`k${i}`, i);
    expect(held.size).toBe(HELD_FILES);
    expect(held.get('k0')).toBeUndefined();
    expect(held.get(`k${HELD_FILES * 3 - 1}`)).toBe(HELD_FILES * 3 - 1);
  });
});

/**
 * Node's BroadcastChannel cannot clone a Blob (a browser's can): an in-memory one that delivers to every other
 * channel of the same name, later, by reference — as the browser delivers a File.
 */
class MemoryChannel {
  static open = new Set<MemoryChannel>();
  onmessage: ((e: MessageEvent) => void) | null = null;
  constructor(readonly name: string) {
    MemoryChannel.open.add(this);
  }
  postMessage(data: unknown): void {
    for (const c of MemoryChannel.open) if (c !== this && c.name === this.name) setTimeout(() => c.onmessage?.({ data } as MessageEvent), 1);
  }
  close(): void {
    MemoryChannel.open.delete(this);
  }
}

describe('the offscreen document asks the frames for a handed file', () => {
  const frames: BroadcastChannel[] = [];
  beforeEach(() => vi.stubGlobal('BroadcastChannel', MemoryChannel));
  /** A frame on the channel holding these files (as entrypoints/upload-frame does). */
  function frameHolding(files: Record<string, Blob>): void {
    const channel = new BroadcastChannel(HANDOFF_CHANNEL);
    frames.push(channel);
    channel.onmessage = (e: MessageEvent<HandoffChannelMessage>) => {
      const m = e.data;
      if (m.type === 'want' && files[m.key]) channel.postMessage({ type: 'file', key: m.key, file: files[m.key] } satisfies HandoffChannelMessage);
    };
  }
  afterEach(() => {
    frames.splice(0).forEach((c) => c.close());
    vi.unstubAllGlobals();
  });

  it('gets the file under its key from the frame that holds it', async () => {
    const key = handoffKey();
    frameHolding({ [handoffKey()]: new Blob(['other']) });
    frameHolding({ [key]: new Blob(['<Statuses/>']) });
    const file = await pullHandedFile(key, 11, 2000);
    expect(await file?.text()).toBe('<Statuses/>');
  });

  it('no frame has it, or only at another size than announced: null, after the wait', async () => {
    const key = handoffKey();
    expect(await pullHandedFile(key, 11, 150)).toBeNull();
    expect(MemoryChannel.open.size).toBe(0); // the asking channel is closed once done
    frameHolding({ [key]: new Blob(['a bigger file than announced']) });
    expect(await pullHandedFile(key, 11, 300)).toBeNull();
  });
});
