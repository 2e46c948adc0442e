/**
 * Chromium answers storage.managed.get only after its policy service started (measured here: minutes after a
 * browser start). Settings must come back within the wait bound anyway, from the policy last delivered.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const POLICY = { organisation: { orgName: 'Министерство из политики' } };

function managedAnswering(answer: Promise<unknown>) {
  (fakeBrowser.storage as unknown as { managed: { get: () => Promise<unknown> } }).managed = { get: () => answer };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});
afterEach(() => vi.useRealTimers());

describe('the organisation policy never holds up the settings', () => {
  it('a browser that has not answered yet: settings come within the bound, from the last policy delivered', async () => {
    await fakeBrowser.storage.local.set({ managedCopy: POLICY });
    managedAnswering(new Promise(() => undefined));
    const { loadSettingsWithLocks } = await import('../../../platform/settings');
    const { MANAGED_WAIT_MS } = await import('../../../platform/managed-storage');
    const started = Date.now();
    const { settings, locked } = await loadSettingsWithLocks();
    expect(Date.now() - started).toBeLessThan(MANAGED_WAIT_MS + 1000);
    expect(settings.profile.orgName).toBe('Министерство из политики');
    expect(locked.profile.has('orgName')).toBe(true);
  });

  it('a first start with no answer yet: no policy, and the late answer is kept and announced', async () => {
    let deliver!: (v: unknown) => void;
    managedAnswering(new Promise((r) => (deliver = r)));
    const { loadSettings, onSettingsChanged } = await import('../../../platform/settings');
    expect((await loadSettings()).profile.orgName).toBe('');
    const heard = new Promise<string>((resolve) => onSettingsChanged((s) => resolve(s.profile.orgName)));
    deliver(POLICY);
    expect(await heard).toBe('Министерство из политики');
    expect((await fakeBrowser.storage.local.get('managedCopy')).managedCopy).toEqual(POLICY);
  });

  it('a prompt answer is used as is, and an unchanged policy is not written again', async () => {
    managedAnswering(Promise.resolve(POLICY));
    const { loadSettings } = await import('../../../platform/settings');
    expect((await loadSettings()).profile.orgName).toBe('Министерство из политики');
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await loadSettings();
    expect(set).not.toHaveBeenCalled();
  });

  it('Firefox without a policy rejects the call: no policy', async () => {
    managedAnswering(Promise.reject(new Error('Managed storage manifest not found')));
    const { loadSettings } = await import('../../../platform/settings');
    expect((await loadSettings()).profile.orgName).toBe('');
  });
});
