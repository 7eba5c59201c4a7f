interface TPaginationProps {
  /** The page of a list the server answered (src/shared/list-query.ts's pageOf). */
  list: { items: readonly unknown[]; page: number; pageSize: number; total: number };
  /** The page to show; undefined for the first, so a list's address carries no `page=1`. */
  onPage: (page: number | undefined) => void;
  /** What is being paged, for the navigation's name, e.g. "Users". */
  label: string;
}

/** "Showing X - Y of Z" with Previous and Next (SR-4's wording). */
export function Pagination({ list, onPage, label }: TPaginationProps) {
  const { page, pageSize, total } = list;
  const offset = (page - 1) * pageSize;
  const first = total === 0 ? 0 : offset + 1;
  const last = total === 0 ? 0 : offset + list.items.length;
  const go = (next: number) => onPage(next > 1 ? next : undefined);
  return (
    <div className="pagination">
      <p className="pagination-range" role="status">
        Showing {first} - {last} of {total}
      </p>
      {total > pageSize ? (
        <nav aria-label={`${label} pages`}>
          <ul className="pagination-list">
            <li>
              <button type="button" className="button button-secondary" disabled={page <= 1} onClick={() => go(page - 1)}>
                Previous
              </button>
            </li>
            <li>
              <button type="button" className="button button-secondary" disabled={last >= total} onClick={() => go(page + 1)}>
                Next
              </button>
            </li>
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
