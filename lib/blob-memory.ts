/**
 * What the page-world capture script remembers of the Blobs a portal page turns into blob: URLs, so that a
 * click on such a link can hand the file over. Bounded in count and bytes (oldest forgotten first), and a
 * revoked URL is forgotten at once: keeping a page's Blobs alive must never cost the page its memory.
 */
export const KEEP_BLOBS = 8;
export const KEEP_BYTES = 256 * 1024 * 1024;

export class BlobMemory<B extends { readonly size: number }> {
  private readonly blobs = new Map<string, B>();
  private bytes = 0;

  constructor(
    private readonly maxCount = KEEP_BLOBS,
    private readonly maxBytes = KEEP_BYTES,
  ) {}

  remember(url: string, blob: B): void {
    if (blob.size > this.maxBytes) return;
    this.forget(url);
    this.blobs.set(url, blob);
    this.bytes += blob.size;
    while (this.blobs.size > this.maxCount || this.bytes > this.maxBytes) this.forget(this.blobs.keys().next().value as string);
  }

  forget(url: string): void {
    const b = this.blobs.get(url);
    if (!b) return;
    this.blobs.delete(url);
    this.bytes -= b.size;
  }

  get(url: string): B | undefined {
    return this.blobs.get(url);
  }

  get count(): number {
    return this.blobs.size;
  }

  get heldBytes(): number {
    return this.bytes;
  }
}
