interface TPaginationProps {
  /** Index of the first row shown (0-based). */
  offset: number;
  /** Rows on this page. */
  shown: number;
  pageSize: number;
  total: number;
  onPage: (offset: number) => void;
  /** What is being paged, for the navigation's name, e.g. "Users". */
  label: string;
}

/** "Showing X - Y of Z" with Previous and Next (SR-4's wording). */
export function Pagination({ offset, shown, pageSize, total, onPage, label }: TPaginationProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = total === 0 ? 0 : offset + shown;
  return (
    <div className="pagination">
      <p className="pagination-range" role="status">
        Showing {first} - {last} of {total}
      </p>
      {total > pageSize ? (
        <nav aria-label={`${label} pages`}>
          <ul className="pagination-list">
            <li>
              <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - pageSize))}>
                Previous
              </button>
            </li>
            <li>
              <button type="button" className="button button-secondary" disabled={last >= total} onClick={() => onPage(offset + pageSize)}>
                Next
              </button>
            </li>
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
