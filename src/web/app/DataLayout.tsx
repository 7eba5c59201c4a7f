// Every page but the login page sits in this layout, loaded on demand: it brings the data layer
// (TanStack Query), so the login page's download carries none of it. One query client for the tab.
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Outlet } from 'react-router';
import { adoptSession } from '../features/identity/session-query.ts';
import { createQueryClient } from './query-client.ts';

const queryClient = createQueryClient();

export function DataLayout() {
  // Before any page below asks for the session: take the one a login handed over.
  useState(() => adoptSession(queryClient));
  return (
    <QueryClientProvider client={queryClient}>
      <Outlet />
    </QueryClientProvider>
  );
}
