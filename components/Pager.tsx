/** «Назад · Страница 2 из 3 · Дальше» under a long list (report tables, batch list, journal). */
export function Pager({ page, pages, onPage, label }: { page: number; pages: number; onPage: (page: number) => void; label: string }) {
  if (pages <= 1) return null;
  return (
    <div class="row pager" role="navigation" aria-label={label}>
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>Назад</button>
      <span>Страница {page + 1} из {pages}</span>
      <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>Дальше</button>
    </div>
  );
}
