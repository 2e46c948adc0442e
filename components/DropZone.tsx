import { useRef, useState } from 'preact/hooks';

/** Drop files here or pick them: keyboard-accessible (the picker is a real button and input). */
export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      class="card dropzone"
      data-over={over}
      style={{ borderStyle: 'dashed', borderWidth: '2px', textAlign: 'center', padding: '24px', background: over ? '#e3f2fd' : undefined }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) onFiles(Array.from(e.dataTransfer?.files ?? []));
      }}
    >
      <p>Перетащите сюда файлы из портала (JSON, ZIP, XLS, XLSX, XML) — можно несколько сразу.</p>
      <button type="button" class="primary" disabled={disabled} onClick={() => input.current?.click()}>
        Выбрать файлы…
      </button>
      <label for="file-picker" class="sr-only">Выбрать файлы для проверки</label>
      <input
        id="file-picker"
        ref={input}
        type="file"
        multiple
        class="sr-only"
        tabIndex={-1}
        disabled={disabled}
        onChange={(e) => {
          const files = Array.from((e.currentTarget as HTMLInputElement).files ?? []);
          (e.currentTarget as HTMLInputElement).value = '';
          onFiles(files);
        }}
      />
    </div>
  );
}
