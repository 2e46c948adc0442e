/**
 * Adds a verdict badge or a «Проверить» button after each file link a portal page shows. Links are found by
 * the portal's selector function (one file per portal); re-renders of the page never add a second badge.
 */
import { render } from 'preact';
import type { LinkVerdict } from '../../lib/capture-protocol';
import type { InpageHost } from './host';
import { LinkBadge, type LinkState } from './LinkBadge';
import { createShadowHost, INPAGE_CSS } from './shadow-host';

const MARK = 'data-sverka-decorated';

export interface FileLink {
  anchor: HTMLAnchorElement;
  url: string;
  name: string;
}

export interface DecorateOptions {
  findLinks: (root: ParentNode) => FileLink[];
  signal: AbortSignal;
  host: Pick<InpageHost, 'checkUrl' | 'lookup' | 'openReport'>;
  /** «Проверить» was pressed for this link (the panel shows it as running). */
  onCheckStarted?: (link: FileLink) => void;
}

export interface DecoratedLinks {
  refresh: () => Promise<void>;
  /** A check of this URL ended: its verdict, or null when it could not be done (the badge offers a retry). */
  settle: (url: string, verdict: LinkVerdict | null) => void;
  /** A badge of ours stands beside a link to this URL. */
  has: (url: string) => boolean;
}

export function decorateLinks({ findLinks, signal, host, onCheckStarted }: DecorateOptions): DecoratedLinks {
  const badges = new Map<string, { root: ShadowRoot; state: LinkState; link: FileLink }[]>();

  const draw = (url: string, verdict: LinkVerdict | null) => {
    for (const b of badges.get(url) ?? []) {
      render(
        <LinkBadge
          verdict={verdict}
          state={b.state}
          onOpen={(entryId) => host.openReport(entryId)}
          onCheck={() => {
            b.state = 'pending';
            draw(url, null);
            onCheckStarted?.(b.link);
            void host.checkUrl(url, b.link.name).then(
              (answer) => {
                if (!answer.ok) settle(url, null);
              },
              () => settle(url, null),
            );
          }}
        />,
        b.root,
      );
    }
  };

  const scan = async () => {
    const fresh: FileLink[] = [];
    for (const link of findLinks(document)) {
      if (link.anchor.hasAttribute(MARK)) continue;
      link.anchor.setAttribute(MARK, '1');
      const { host: badgeHost, root } = createShadowHost('sverka-badge', INPAGE_CSS);
      badgeHost.setAttribute('data-sverka', 'badge');
      link.anchor.after(badgeHost);
      const list = badges.get(link.url) ?? [];
      list.push({ root, state: 'idle', link });
      badges.set(link.url, list);
      fresh.push(link);
    }
    if (!fresh.length) return;
    const verdicts = await host.lookup(fresh.map((l) => l.url));
    const byUrl = new Map(verdicts.map((v) => [v.url, v]));
    for (const l of fresh) draw(l.url, byUrl.get(l.url) ?? null);
  };

  const settle = (url: string, verdict: LinkVerdict | null) => {
    for (const b of badges.get(url) ?? []) b.state = verdict ? 'idle' : 'failed';
    draw(url, verdict);
  };

  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      void scan();
    });
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
  void scan();

  return {
    settle,
    has: (url) => badges.has(url),
    async refresh() {
      const urls = [...badges.keys()];
      if (!urls.length) return;
      const verdicts = await host.lookup(urls);
      for (const v of verdicts) settle(v.url, v);
    },
  };
}
