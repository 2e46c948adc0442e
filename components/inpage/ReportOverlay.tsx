/**
 * The report inside the portal page: a full-window overlay in a shadow root with the same report views,
 * tables, XLSX export and support letters as the extension's report page, a drop zone for files saved
 * earlier, and a list of recent checks. Used by the userscript, which has no extension pages.
 */
import { render, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckReport } from '../../lib/checks/report';
import { DropZone } from '../DropZone';
import { FilesProgressCard, ReportList, type FilesProgress } from '../ReportList';
import { ProfileLoaderContext, type ProfileLoader } from '../profile';
import uiCss from '../ui.css?inline';
import { createShadowHost } from './shadow-host';

export type OverlayProgress = FilesProgress;

export interface OverlayContent {
  title: string;
  reports?: CheckReport[];
  notice?: string;
  /** Anything else to show under the drop zone (the recent checks list). */
  body?: ComponentChildren;
}

export interface OverlayOptions {
  /** Checks dropped or picked files; reports progress; resolves to their reports (cross-file steps applied). */
  checkFiles: (files: File[], onProgress: (p: OverlayProgress) => void) => Promise<CheckReport[]>;
  loadProfile: ProfileLoader;
}

const OVERLAY_CSS = `
${uiCss.replace(/:root/g, ':host')}
:host { all: initial; }
.backdrop { position: fixed; inset: 0; z-index: 2147483646; background: rgba(0,0,0,.35); display: flex; justify-content: center; align-items: flex-start; }
.overlay { margin: 3vh auto; width: min(1100px, 96vw); max-height: 94vh; overflow: auto; background: var(--bg); color: var(--fg);
  border-radius: 8px; box-shadow: 0 8px 40px rgba(0,0,0,.35); padding: 12px 16px; font: 14px/1.45 system-ui, "Segoe UI", Arial, sans-serif; }
.overlay header { display: flex; justify-content: space-between; align-items: center; gap: 8px; position: sticky; top: -12px; background: var(--bg); padding: 4px 0; }
.overlay h1 { margin: 0; }
`;

function Overlay({ content, options, onClose }: { content: OverlayContent; options: OverlayOptions; onClose: () => void }) {
  const [reports, setReports] = useState<CheckReport[]>(content.reports ?? []);
  const [progress, setProgress] = useState<OverlayProgress | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    setReports(content.reports ?? []);
  }, [content]);
  useEffect(() => closeButton.current?.focus(), []);

  const checkFiles = async (files: File[]) => {
    if (!files.length) return;
    setProgress({ done: 0, total: files.length, current: files[0].name, fraction: 0 });
    try {
      setReports(await options.checkFiles(files, setProgress));
    } finally {
      setProgress(null);
    }
  };

  return (
    <div class="backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="overlay" role="dialog" aria-modal="true" aria-label={`Сверка: ${content.title}`}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <header>
          <h1>Сверка: {content.title}</h1>
          <button type="button" ref={closeButton} onClick={onClose} aria-label="Закрыть окно Сверки">Закрыть</button>
        </header>
        <DropZone onFiles={(files) => void checkFiles(files)} disabled={!!progress} />
        {progress && <FilesProgressCard progress={progress} />}
        {content.notice && <p class="card" role="alert">{content.notice}</p>}
        <ProfileLoaderContext.Provider value={options.loadProfile}>
          <ReportList reports={reports} />
        </ProfileLoaderContext.Provider>
        {content.body}
      </div>
    </div>
  );
}

export function mountReportOverlay(options: OverlayOptions): { open: (content: OverlayContent) => void; close: () => void } {
  const { host, root } = createShadowHost('sverka-overlay', OVERLAY_CSS);
  host.setAttribute('data-sverka', 'overlay');
  const close = () => {
    render(null, root);
    host.remove();
  };
  return {
    open(content) {
      if (!host.isConnected) document.documentElement.append(host);
      render(<Overlay content={content} options={options} onClose={close} />, root);
    },
    close,
  };
}
