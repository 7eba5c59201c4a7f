import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { paths } from '../../app/routes.ts';
import { needsState } from './book-api.ts';

/** A book view asked before a state was chosen: on to the state page, and back here after. */
export function useChooseStateFirst(error: unknown): boolean {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const required = needsState(error);
  useEffect(() => {
    if (required) void navigate(paths.bookState(pathname + search), { replace: true });
  }, [required, navigate, pathname, search]);
  return required;
}
